package com.paysaga.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.paysaga.saga.aws.AwsClients;
import com.paysaga.provision.CfnTemplate;
import com.paysaga.provision.ProvisionedResource;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.provision.TemplateProvisioner;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/** template.yaml provisioned into the emulator is what the template says, and the clients really use it. */
class TemplateProvisioningTest {

    private static ProvisionedStack stack;
    private static AwsClients clients;
    private static CfnTemplate template;

    @BeforeAll
    static void provision() {
        clients = AwsEmulator.endpoint().clients();
        stack = TestStacks.provision("provisioning");
        template = stack.template();
    }

    @Test
    void everyTableHasTheTemplatesKeySchemaAndIndexes() {
        try (DynamoDbClient dynamo = clients.dynamoDb()) {
            for (String logicalId : List.of("RunsTable", "TransactionsTable", "TokensTable")) {
                Map<String, Object> props = template.properties(logicalId);
                TableDescription table = dynamo.describeTable(b -> b.tableName(stack.ref(logicalId))).table();
                assertThat(keys(table.keySchema())).as(logicalId).isEqualTo(keys(props.get("KeySchema")));
                List<Object> expectedIndexes = list(props.get("GlobalSecondaryIndexes"));
                assertThat(table.globalSecondaryIndexes()).as(logicalId).hasSize(expectedIndexes.size());
                for (Object gsiObj : expectedIndexes) {
                    Map<String, Object> gsi = map(gsiObj);
                    GlobalSecondaryIndexDescription actual = table.globalSecondaryIndexes().stream()
                            .filter(g -> g.indexName().equals(gsi.get("IndexName"))).findFirst().orElseThrow();
                    assertThat(keys(actual.keySchema())).as(gsi.get("IndexName").toString())
                            .isEqualTo(keys(gsi.get("KeySchema")));
                    assertThat(actual.projection().projectionTypeAsString())
                            .isEqualTo(map(gsi.get("Projection")).get("ProjectionType"));
                }
                assertThat(dynamo.describeContinuousBackups(b -> b.tableName(stack.ref(logicalId)))
                        .continuousBackupsDescription().pointInTimeRecoveryDescription()
                        .pointInTimeRecoveryStatusAsString()).as(logicalId + " PITR").isEqualTo("ENABLED");
            }
        }
    }

    @Test
    void itemsWrittenToATemplateTableReadBack() {
        try (DynamoDbClient dynamo = clients.dynamoDb()) {
            String table = stack.ref("RunsTable");
            dynamo.putItem(b -> b.tableName(table).item(Map.of(
                    "pk", AttributeValue.fromS("FILE#abc"), "sk", AttributeValue.fromS("META"),
                    "runStatus", AttributeValue.fromS("FAILED"), "stageUpdatedAt", AttributeValue.fromS("Transform#2026-11-26T10:00:00Z"))));
            var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS("FILE#abc"), "sk", AttributeValue.fromS("META")))).item();
            assertThat(item.get("runStatus").s()).isEqualTo("FAILED");
            var failed = dynamo.query(b -> b.tableName(table).indexName("ByStatus")
                    .keyConditionExpression("runStatus = :s AND begins_with(stageUpdatedAt, :stage)")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("FAILED"),
                            ":stage", AttributeValue.fromS("Transform#")))).items();
            assertThat(failed).hasSize(1);
        }
    }

    @Test
    void bucketsCarryEncryptionPublicAccessBlockAndLifecycle() {
        try (S3Client s3 = clients.s3()) {
            String work = stack.ref("WorkBucket");
            var rule = s3.getBucketEncryption(b -> b.bucket(work)).serverSideEncryptionConfiguration().rules().get(0);
            assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString()).isEqualTo("aws:kms");
            assertThat(rule.applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo(stack.attribute("DataKey", "Arn"));
            assertThat(s3.getPublicAccessBlock(b -> b.bucket(work)).publicAccessBlockConfiguration().blockPublicAcls()).isTrue();
            assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket(work)).rules())
                    .anySatisfy(r -> assertThat(r.expiration().days()).isEqualTo(2));
            assertThat(s3.getBucketVersioning(b -> b.bucket(stack.ref("InboundBucket"))).statusAsString()).isEqualTo("Enabled");

            s3.putObject(b -> b.bucket(work).key("work/x/plaintext"), RequestBody.fromString("hello"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket(work).key("work/x/plaintext")).asUtf8String()).isEqualTo("hello");
        }
    }

    @Test
    void templateKeysEncryptAndDecryptThroughTheirAliases() {
        try (KmsClient kms = clients.kms()) {
            String alias = stack.ref("TokenKeyAlias");
            assertThat(alias).isEqualTo("alias/" + stack.stackName() + "/token");
            SdkBytes cipher = kms.encrypt(b -> b.keyId(alias).plaintext(SdkBytes.fromUtf8String("secret"))).ciphertextBlob();
            var plain = kms.decrypt(b -> b.ciphertextBlob(cipher));
            assertThat(plain.plaintext().asString(StandardCharsets.UTF_8)).isEqualTo("secret");
            assertThat(plain.keyId()).isEqualTo(stack.attribute("TokenKey", "Arn"));
            assertThat(kms.getKeyRotationStatus(b -> b.keyId(stack.ref("TokenKey"))).keyRotationEnabled()).isTrue();
        }
    }

    @Test
    void theTopicAcceptsPublications() {
        try (SnsClient sns = clients.sns()) {
            String arn = stack.ref("NotificationsTopic");
            assertThat(sns.getTopicAttributes(b -> b.topicArn(arn)).attributes())
                    .containsEntry("KmsMasterKeyId", stack.ref("DataKey"));
            assertThat(sns.publish(b -> b.topicArn(arn).message("{\"status\":\"COMPLETED\"}")).messageId()).isNotBlank();
        }
    }

    @Test
    void provisioningTheSameStackAgainReusesWhatExists() {
        ProvisionedStack again = new TemplateProvisioner(clients).provision(template, stack.stackName(), Map.of());
        assertThat(again.ref("DataKey")).isEqualTo(stack.ref("DataKey"));
        assertThat(again.ref("RunsTable")).isEqualTo(stack.ref("RunsTable"));
        assertThat(again.resource("RunsTable").status()).isEqualTo(ProvisionedResource.Status.EXISTING);
        assertThat(again.resource("InboundBucket").status()).isEqualTo(ProvisionedResource.Status.EXISTING);
        assertThat(again.outputs()).isEqualTo(stack.outputs());
    }

    @Test
    void outputsResolveToThePhysicalNames() {
        assertThat(stack.outputs()).containsEntry("RunsTableName", stack.stackName() + "-runs")
                .containsEntry("NotificationsTopicArn", stack.ref("NotificationsTopic"));
    }

    private static List<String> keys(List<KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList();
    }

    private static List<String> keys(Object templateSchema) {
        return list(templateSchema).stream().map(TemplateProvisioningTest::map)
                .map(k -> k.get("AttributeName") + ":" + k.get("KeyType")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}

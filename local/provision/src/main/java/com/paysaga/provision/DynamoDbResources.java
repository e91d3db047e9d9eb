package com.paysaga.provision;

import static com.paysaga.provision.TemplateValues.bool;
import static com.paysaga.provision.TemplateValues.integer;
import static com.paysaga.provision.TemplateValues.optStr;
import static com.paysaga.provision.TemplateValues.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.paysaga.provision.ProvisionedResource.Status;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@code AWS::DynamoDB::Table} with its key schema, GSIs, SSE, stream, TTL and point-in-time recovery. */
final class DynamoDbResources {

    private DynamoDbResources() {
    }

    static ProvisionedResource table(ResourceContext ctx, String logicalId, String type) {
        Map<String, Object> p = ctx.props(logicalId);
        String name = p.containsKey("TableName") ? str(p.get("TableName")) : ctx.stackName() + "-" + logicalId;
        boolean provisioned = "PROVISIONED".equals(p.get("BillingMode"));
        CreateTableRequest.Builder req = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(CfnTemplate.list(p.get("AttributeDefinitions")).stream()
                        .map(CfnTemplate::map)
                        .map(a -> AttributeDefinition.builder().attributeName(str(a.get("AttributeName")))
                                .attributeType(str(a.get("AttributeType"))).build())
                        .toList())
                .keySchema(keySchema(p.get("KeySchema")));
        if (provisioned) {
            req.provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
        }
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (Object g : CfnTemplate.list(p.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> gm = CfnTemplate.map(g);
            Map<String, Object> projection = CfnTemplate.map(gm.get("Projection"));
            GlobalSecondaryIndex.Builder gb = GlobalSecondaryIndex.builder()
                    .indexName(str(gm.get("IndexName")))
                    .keySchema(keySchema(gm.get("KeySchema")))
                    .projection(Projection.builder()
                            .projectionType(str(projection.getOrDefault("ProjectionType", "ALL")))
                            .nonKeyAttributes(CfnTemplate.list(projection.get("NonKeyAttributes")).stream()
                                    .map(String::valueOf).toList().isEmpty() ? null
                                    : CfnTemplate.list(projection.get("NonKeyAttributes")).stream()
                                            .map(String::valueOf).toList())
                            .build());
            if (provisioned) {
                gb.provisionedThroughput(throughput(gm.get("ProvisionedThroughput")));
            }
            gsis.add(gb.build());
        }
        if (!gsis.isEmpty()) {
            req.globalSecondaryIndexes(gsis);
        }
        Map<String, Object> sse = CfnTemplate.map(p.get("SSESpecification"));
        if (!sse.isEmpty()) {
            req.sseSpecification(SSESpecification.builder().enabled(bool(sse.get("SSEEnabled")))
                    .sseType(optStr(sse.get("SSEType"))).kmsMasterKeyId(optStr(sse.get("KMSMasterKeyId"))).build());
        }
        Map<String, Object> stream = CfnTemplate.map(p.get("StreamSpecification"));
        if (!stream.isEmpty()) {
            req.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(str(stream.get("StreamViewType"))).build());
        }
        if (p.containsKey("DeletionProtectionEnabled")) {
            req.deletionProtectionEnabled(bool(p.get("DeletionProtectionEnabled")));
        }
        Status status = Status.CREATED;
        TableDescription table;
        try {
            table = ctx.dynamo().createTable(req.build()).tableDescription();
            ctx.dynamo().waiter().waitUntilTableExists(b -> b.tableName(name));
        } catch (ResourceInUseException e) {
            status = Status.EXISTING;
            table = ctx.dynamo().describeTable(b -> b.tableName(name)).table();
        }
        if (bool(CfnTemplate.map(p.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"))) {
            ctx.dynamo().updateContinuousBackups(b -> b.tableName(name)
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        }
        Map<String, Object> ttl = CfnTemplate.map(p.get("TimeToLiveSpecification"));
        if (bool(ttl.get("Enabled")) && status == Status.CREATED) {
            ctx.dynamo().updateTimeToLive(b -> b.tableName(name)
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(str(ttl.get("AttributeName")))));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Arn", table.tableArn());
        if (table.latestStreamArn() != null) {
            attributes.put("StreamArn", table.latestStreamArn());
        }
        return new ProvisionedResource(logicalId, type, name, attributes, status);
    }

    private static List<KeySchemaElement> keySchema(Object schema) {
        return CfnTemplate.list(schema).stream().map(CfnTemplate::map)
                .map(k -> KeySchemaElement.builder().attributeName(str(k.get("AttributeName")))
                        .keyType(str(k.get("KeyType"))).build())
                .toList();
    }

    private static ProvisionedThroughput throughput(Object o) {
        Map<String, Object> t = CfnTemplate.map(o);
        return ProvisionedThroughput.builder()
                .readCapacityUnits((long) integer(t.getOrDefault("ReadCapacityUnits", 5)))
                .writeCapacityUnits((long) integer(t.getOrDefault("WriteCapacityUnits", 5))).build();
    }
}

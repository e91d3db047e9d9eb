package com.paysaga.provision;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/** What every resource type's creator needs: the stack, its resolved properties, and the clients. */
record ResourceContext(CfnTemplate template, String stackName, String region, String accountId,
        IntrinsicResolver resolver, DynamoDbClient dynamo, S3Client s3, KmsClient kms, SnsClient sns) {

    /** The resource's properties with every intrinsic function resolved. */
    Map<String, Object> props(String logicalId) {
        return CfnTemplate.map(resolver.resolve(template.properties(logicalId)));
    }

    /** A name property as given (resolved), or the name CloudFormation would generate. */
    String nameProperty(Map<String, Object> raw, String property, String fallback) {
        return raw.containsKey(property) ? resolver.resolveString(raw.get(property)) : fallback;
    }
}

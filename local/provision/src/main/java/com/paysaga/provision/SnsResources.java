package com.paysaga.provision;

import static com.paysaga.provision.TemplateValues.str;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.paysaga.provision.ProvisionedResource.Status;

/** {@code AWS::SNS::Topic} and {@code AWS::SNS::Subscription}. */
final class SnsResources {

    private SnsResources() {
    }

    static ProvisionedResource topic(ResourceContext ctx, String logicalId, String type) {
        Map<String, Object> p = ctx.props(logicalId);
        String name = p.containsKey("TopicName") ? str(p.get("TopicName")) : ctx.stackName() + "-" + logicalId;
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String a : List.of("DisplayName", "KmsMasterKeyId", "FifoTopic", "ContentBasedDeduplication")) {
            if (p.containsKey(a)) {
                attributes.put(a, str(p.get(a)));
            }
        }
        String expectedArn = "arn:aws:sns:" + ctx.region() + ":" + ctx.accountId() + ":" + name;
        boolean exists;
        try {
            ctx.sns().getTopicAttributes(b -> b.topicArn(expectedArn));
            exists = true;
        } catch (software.amazon.awssdk.services.sns.model.NotFoundException e) {
            exists = false;
        }
        // CreateTopic is idempotent for equal attributes and brings an existing topic in line.
        String arn = ctx.sns().createTopic(b -> b.name(name).attributes(attributes)).topicArn();
        return new ProvisionedResource(logicalId, type, arn, Map.of("TopicArn", arn, "TopicName", name),
                exists ? Status.EXISTING : Status.CREATED);
    }

    static ProvisionedResource subscription(ResourceContext ctx, String logicalId, String type) {
        Map<String, Object> p = ctx.props(logicalId);
        String arn = ctx.sns().subscribe(b -> b.topicArn(str(p.get("TopicArn"))).protocol(str(p.get("Protocol")))
                .endpoint(str(p.get("Endpoint"))).returnSubscriptionArn(true)).subscriptionArn();
        return new ProvisionedResource(logicalId, type, arn, Map.of(), Status.CREATED);
    }
}

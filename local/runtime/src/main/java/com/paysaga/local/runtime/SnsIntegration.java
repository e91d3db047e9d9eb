package com.paysaga.local.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.task.ResourceArn;
import com.paysaga.asl.task.TaskContext;
import com.paysaga.asl.task.TaskFailedException;
import com.paysaga.asl.task.TaskInvoker;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * {@code arn:aws:states:::sns:publish}: a JSON {@code Message} is sent as its JSON text, as the
 * service does; the result carries {@code MessageId}; errors become {@code SNS.<ErrorCode>}.
 */
public final class SnsIntegration implements TaskInvoker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SnsClient sns;

    public SnsIntegration(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public JsonNode invoke(ResourceArn resource, JsonNode p, TaskContext context) throws TaskFailedException {
        if (!resource.action().equals("publish")) {
            throw new TaskFailedException("States.Runtime", "The resource " + resource.arn() + " is not supported locally");
        }
        if (!p.hasNonNull("Message")) {
            throw new TaskFailedException("SNS.InvalidParameterException", "Invalid parameter: Message");
        }
        JsonNode message = p.get("Message");
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        p.path("MessageAttributes").fields().forEachRemaining(e -> attributes.put(e.getKey(),
                MessageAttributeValue.builder().dataType(e.getValue().path("DataType").asText("String"))
                        .stringValue(e.getValue().path("StringValue").asText(null)).build()));
        try {
            String id = sns.publish(b -> {
                b.message(message.isTextual() ? message.asText() : message.toString())
                        .messageAttributes(attributes);
                if (p.hasNonNull("TopicArn")) {
                    b.topicArn(p.get("TopicArn").asText());
                }
                if (p.hasNonNull("TargetArn")) {
                    b.targetArn(p.get("TargetArn").asText());
                }
                if (p.hasNonNull("Subject")) {
                    b.subject(p.get("Subject").asText());
                }
                if (p.hasNonNull("MessageGroupId")) {
                    b.messageGroupId(p.get("MessageGroupId").asText());
                }
            }).messageId();
            ObjectNode out = JSON.createObjectNode();
            out.put("MessageId", id);
            out.putObject("SdkHttpMetadata").put("HttpStatusCode", 200);
            out.putObject("SdkResponseMetadata").put("RequestId", java.util.UUID.randomUUID().toString());
            return out;
        } catch (SnsException e) {
            String code = e.awsErrorDetails() == null ? "SnsException" : e.awsErrorDetails().errorCode();
            throw new TaskFailedException("SNS." + code, e.getMessage());
        }
    }
}

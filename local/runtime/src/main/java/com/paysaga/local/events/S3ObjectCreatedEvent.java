package com.paysaga.local.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The EventBridge event S3 sends for an upload to a bucket with EventBridge notifications on
 * ("Amazon S3 Event Notifications with EventBridge", detail-type "Object Created"); the shape of
 * {@code events/state-machine/s3-object-created.json}.
 */
public final class S3ObjectCreatedEvent {

    private S3ObjectCreatedEvent() {
    }

    public static ObjectNode of(ObjectMapper json, String account, String region, String bucket, String key,
            long size, String etag, String versionId, String sequencer, Instant time) {
        ObjectNode event = json.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Object Created");
        event.put("source", "aws.s3");
        event.put("account", account);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add("arn:aws:s3:::" + bucket);
        ObjectNode detail = event.putObject("detail");
        detail.put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        ObjectNode object = detail.putObject("object");
        object.put("key", key);
        object.put("size", size);
        object.put("etag", etag);
        if (versionId != null) {
            object.put("version-id", versionId);
        }
        object.put("sequencer", sequencer);
        detail.put("request-id", UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase());
        detail.put("requester", account);
        detail.put("source-ip-address", "127.0.0.1");
        detail.put("reason", "PutObject");
        return event;
    }
}

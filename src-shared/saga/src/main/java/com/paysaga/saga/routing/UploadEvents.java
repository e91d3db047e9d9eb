package com.paysaga.saga.routing;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the upload out of the EventBridge event S3 sends ("Object Created", detail version 0). */
public final class UploadEvents {

    private UploadEvents() {
    }

    public static boolean isObjectCreated(JsonNode event) {
        return event != null && "aws.s3".equals(event.path("source").asText())
                && "Object Created".equals(event.path("detail-type").asText());
    }

    public static Upload fromObjectCreated(JsonNode event) {
        if (!isObjectCreated(event)) {
            throw new MalformedEventException("expected an S3 'Object Created' event from source aws.s3, got source '"
                    + event.path("source").asText() + "' detail-type '" + event.path("detail-type").asText() + "'");
        }
        JsonNode detail = event.path("detail");
        String bucket = detail.path("bucket").path("name").asText(null);
        String key = detail.path("object").path("key").asText(null);
        if (bucket == null || key == null) {
            throw new MalformedEventException("the Object Created event has no detail.bucket.name or detail.object.key");
        }
        Instant time;
        try {
            time = Instant.parse(event.path("time").asText());
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("the Object Created event's time '" + event.path("time").asText()
                    + "' is not an ISO-8601 instant");
        }
        JsonNode object = detail.path("object");
        return new Upload(bucket, key, object.path("version-id").asText(null), object.path("size").asLong(-1),
                object.path("etag").asText(null), time);
    }
}

package com.paysaga.asl.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.internal.json.Json;

/**
 * One event of an execution's history, as {@code GetExecutionHistory} returns it: ids count from
 * 1 in order of recording; {@code previousEventId} is the event that led to this one in the same
 * line of execution (0 for the first). {@code details} holds the type's details, in which
 * {@code input} and {@code output} are JSON texts, as on the service.
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, HistoryEventType type,
        ObjectNode details) {

    /** ISO 8601 with milliseconds in UTC, the precision the service reports. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The service's JSON shape, e.g. {@code {"timestamp":…,"type":"PassStateEntered","id":2,"previousEventId":1,"stateEnteredEventDetails":{…}}}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("timestamp", TIMESTAMP.format(timestamp));
        json.put("type", type.name());
        json.put("id", id);
        json.put("previousEventId", previousEventId);
        if (type.detailsField() != null && details != null) {
            json.set(type.detailsField(), details.deepCopy());
        }
        return json;
    }
}

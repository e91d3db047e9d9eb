package com.paysaga.asl.internal.run;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.AslClock;
import com.paysaga.asl.history.HistoryEvent;
import com.paysaga.asl.history.HistoryEventType;

/** An execution's history; appended to concurrently by branches and iterations. */
public final class EventLog {

    private final AslClock clock;
    private final List<HistoryEvent> events = new ArrayList<>();

    public EventLog(AslClock clock) {
        this.clock = clock;
    }

    public synchronized HistoryEvent add(HistoryEventType type, long previousEventId, ObjectNode details) {
        HistoryEvent e = new HistoryEvent(events.size() + 1, previousEventId, clock.now(), type, details);
        events.add(e);
        return e;
    }

    public synchronized List<HistoryEvent> snapshot() {
        return List.copyOf(events);
    }

    public synchronized long lastId() {
        return events.size();
    }
}

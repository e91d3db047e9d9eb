package com.paysaga.asl.internal.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.history.HistoryEvent;
import com.paysaga.asl.history.HistoryEventType;

/**
 * One line of execution in the history (the top level, a branch, an iteration): each event it
 * records points back to the previous event of the same line, which is how the service's
 * {@code previousEventId} chains read.
 */
public final class Cursor {

    private final EventLog log;
    private long last;

    public Cursor(EventLog log, long startingAfter) {
        this.log = log;
        this.last = startingAfter;
    }

    public synchronized HistoryEvent emit(HistoryEventType type, ObjectNode details) {
        HistoryEvent e = log.add(type, last, details);
        last = e.id();
        return e;
    }

    public synchronized long last() {
        return last;
    }

    /** Continues after the latest of several lines (the branches of a Parallel state). */
    public synchronized void advanceTo(long eventId) {
        last = Math.max(last, eventId);
    }

    public EventLog log() {
        return log;
    }
}

package com.paysaga.asl.internal.run;

/** Unwinds a line of execution that was stopped; never caught by Retry or Catch. */
public final class FlowStopped extends RuntimeException {

    private final Stop stop;

    public FlowStopped(Stop stop) {
        super(stop.kind().name(), null, false, false);
        this.stop = stop;
    }

    public Stop stop() {
        return stop;
    }
}

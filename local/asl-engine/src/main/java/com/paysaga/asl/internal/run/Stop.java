package com.paysaga.asl.internal.run;

/** Why a line of execution was stopped from outside its own states. */
public record Stop(Kind kind, String error, String cause) {

    public enum Kind {
        /** StopExecution, from the API. */
        ABORTED,
        /** The state machine's top-level TimeoutSeconds. */
        TIMED_OUT,
        /** A sibling Parallel branch or Map iteration failed, so this one is no longer needed. */
        SIBLING_FAILED
    }
}

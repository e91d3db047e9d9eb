package com.paysaga.saga.routing;

/** What happens to a file that arrives after the last cut-off of its business day. */
public enum LatePolicy {
    /** Hold the file (the state machine's Wait state) until the next business day's windows open. */
    WAIT_FOR_NEXT_WINDOW,
    /** Process it at once, assigned to the next window and flagged late. */
    PROCESS_AND_FLAG_LATE,
    /** Refuse it: the run ends REJECTED and the partner must resend. */
    REJECT
}

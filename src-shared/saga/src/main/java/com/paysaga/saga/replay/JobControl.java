package com.paysaga.saga.replay;

import java.util.List;

/**
 * The Batch jobs an execution submitted (the state machine names them
 * {@code <execution name>-decrypt|transform|archive}).
 */
public interface JobControl {

    /** Terminates the execution's unfinished jobs and returns their ids. */
    List<String> terminateJobsOf(String executionName, String reason);
}

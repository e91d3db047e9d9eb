package com.paysaga.saga;

/**
 * Exit codes of the Batch job, mapped by the job definition's {@code RetryStrategy.EvaluateOnExit}
 * in template.yaml and by the local Batch runner (docs/contracts.md).
 */
public final class BatchExitCode {

    public static final int SUCCESS = 0;
    /** Bad arguments; retrying cannot help. */
    public static final int USAGE = 2;
    /** The input is rejected (validation, unknown format, decryption or integrity failure, wrong key). */
    public static final int INPUT_REJECTED = 10;
    /** Transient failure (throttling, timeouts, 5xx): Batch retries. 75 is sysexits' EX_TEMPFAIL. */
    public static final int TRANSIENT = 75;

    private BatchExitCode() {
    }
}

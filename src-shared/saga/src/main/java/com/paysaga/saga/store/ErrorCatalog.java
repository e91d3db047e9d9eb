package com.paysaga.saga.store;

import java.util.List;
import java.util.Set;

import com.paysaga.saga.BatchExitCode;

/**
 * The one list of error names the state machine distinguishes. Lambda runtimes report a Java
 * exception's <em>fully qualified</em> class name as {@code errorType} (Quarkus' poll loop and
 * the AWS Java runtime both use {@code Class.getName()}), so that is what {@code ErrorEquals}
 * matches; the definition tests check state-machine.asl.json against these lists.
 */
public final class ErrorCatalog {

    /** Lambda service errors Step Functions' own guidance says to retry on every Lambda task. */
    public static final List<String> LAMBDA_SERVICE_ERRORS = List.of("Lambda.ServiceException",
            "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException");

    /** Our functions' errors worth retrying: AWS throttling, 5xx and timeouts after the SDK's retries. */
    public static final List<String> RETRYABLE_FUNCTION_ERRORS = List.of(TransientAwsException.class.getName(),
            UnprocessedItemsException.class.getName());

    /**
     * Batch API errors of {@code submitJob.sync} that are transient. A job that fails with exit
     * code 75 has already been retried by Batch itself (RetryStrategy.EvaluateOnExit).
     */
    public static final List<String> BATCH_TRANSIENT_ERRORS = List.of("Batch.AWSBatchException", "Batch.ServerException");

    public static final List<String> SNS_TRANSIENT_ERRORS = List.of("SNS.InternalErrorException",
            "SNS.ThrottledException", "SNS.KMSThrottlingException");

    /** Input the pipeline refuses: the run ends REJECTED (not FAILED), and retrying cannot help. */
    public static final Set<String> REJECTIONS = Set.of(
            "com.paysaga.saga.routing.UploadRejectedException",
            "com.paysaga.saga.routing.UnknownPartnerException",
            "com.paysaga.saga.routing.LateFileRejectedException");

    private ErrorCatalog() {
    }

    public static boolean isRejection(StepFunctionsError e) {
        return REJECTIONS.contains(e.error())
                || (e.exitCode() != null && e.exitCode() == BatchExitCode.INPUT_REJECTED);
    }
}

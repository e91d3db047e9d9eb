package com.paysaga.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.paysaga.saga.BatchExitCode;
import com.paysaga.security.KeyMaterialException;
import com.paysaga.security.WrongKeyException;
import com.paysaga.saga.staging.MissingObjectException;
import com.paysaga.saga.staging.ObjectRef;
import com.paysaga.security.SourceReadException;
import com.paysaga.saga.staging.ValidationFailedException;
import com.paysaga.saga.store.TransientAwsException;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kms.model.KmsException;

class ExitCodesTest {

    private static KmsException kms(int status, String code) {
        return (KmsException) KmsException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    @Test
    void rejectedInputIsNotRetried() {
        assertThat(ExitCodes.of(new WrongKeyException("x"))).isEqualTo(BatchExitCode.INPUT_REJECTED);
        assertThat(ExitCodes.of(new ValidationFailedException("x", "s3://b/k"))).isEqualTo(BatchExitCode.INPUT_REJECTED);
    }

    @Test
    void throttlingServerErrorsTimeoutsAndBrokenStreamsAreRetried() {
        assertThat(ExitCodes.of(ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
                .build())).isEqualTo(BatchExitCode.TRANSIENT);
        assertThat(ExitCodes.of(kms(400, "ThrottlingException"))).isEqualTo(BatchExitCode.TRANSIENT);
        assertThat(ExitCodes.of(kms(503, "KMSInternalException"))).isEqualTo(BatchExitCode.TRANSIENT);
        assertThat(ExitCodes.of(SdkClientException.create("timeout", new SocketTimeoutException()))).isEqualTo(BatchExitCode.TRANSIENT);
        assertThat(ExitCodes.of(new SourceReadException("s3://b/k", new IOException("reset")))).isEqualTo(BatchExitCode.TRANSIENT);
    }

    @Test
    void configurationPermissionsAndMissingPrerequisitesAreUsageErrors() {
        assertThat(ExitCodes.of(kms(400, "AccessDeniedException"))).isEqualTo(BatchExitCode.USAGE);
        assertThat(ExitCodes.of(new JobSetupException("RUNS_TABLE is not set"))).isEqualTo(BatchExitCode.USAGE);
        assertThat(ExitCodes.of(new KeyMaterialException("no key"))).isEqualTo(BatchExitCode.USAGE);
        assertThat(ExitCodes.of(new JobSetupException("missing", new MissingObjectException(ObjectRef.of("b", "k")))))
                .isEqualTo(BatchExitCode.USAGE);
        assertThat(ExitCodes.of(new IllegalStateException("defect"))).isEqualTo(BatchExitCode.USAGE);
    }

    @Test
    void theJobRetriesExactlyTheSdkFailuresTheFunctionsReportAsTransient() {
        List<SdkException> failures = List.of(kms(429, "SomethingNew"), kms(400, "ThrottlingException"),
                kms(500, "KMSInternalException"), kms(503, "ServiceUnavailable"), kms(400, "AccessDeniedException"),
                kms(400, "NotFoundException"), SdkClientException.create("connection reset"),
                SdkException.create("unmarshalling failed", new IllegalStateException()));
        for (SdkException e : failures) {
            assertThat(ExitCodes.of(e) == BatchExitCode.TRANSIENT).as(e.toString())
                    .isEqualTo(TransientAwsException.isTransient(e));
        }
        assertThat(ExitCodes.of(kms(429, "SomethingNew"))).isEqualTo(BatchExitCode.TRANSIENT);
        assertThat(ExitCodes.of(kms(400, "NotFoundException"))).isEqualTo(BatchExitCode.USAGE);
    }
}

package com.paysaga.batch;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.paysaga.saga.BatchExitCode;
import com.paysaga.security.InputRejectedException;
import com.paysaga.saga.staging.MissingObjectException;
import com.paysaga.security.SourceReadException;
import com.paysaga.saga.store.TransientAwsException;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place that decides which failures Batch retries (docs/contracts.md, exit codes):
 * <ul>
 *   <li>{@value BatchExitCode#INPUT_REJECTED}: the file is refused ({@link InputRejectedException});</li>
 *   <li>{@value BatchExitCode#TRANSIENT}: throttling, 5xx, timeouts and connection failures of AWS
 *       services (the same SDK failures the functions report as {@link TransientAwsException}), and
 *       I/O failures while streaming an object;</li>
 *   <li>{@value BatchExitCode#USAGE}: everything else — bad arguments, configuration, missing
 *       prerequisites or key material, permissions, and defects — which a retry would repeat.</li>
 * </ul>
 */
public final class ExitCodes {

    private ExitCodes() {
    }

    public static int of(Throwable e) {
        if (e instanceof InputRejectedException) {
            return BatchExitCode.INPUT_REJECTED;
        }
        return transient_(e) ? BatchExitCode.TRANSIENT : BatchExitCode.USAGE;
    }

    public static boolean transient_(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputRejectedException || t instanceof MissingObjectException || t instanceof JobSetupException) {
                return false;
            }
            if (t instanceof SdkException s) {
                if (TransientAwsException.isTransient(s)) {
                    return true;
                }
                if (s instanceof AwsServiceException) {
                    return false;
                }
            }
            if (t instanceof SourceReadException) {
                return true;
            }
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }
}

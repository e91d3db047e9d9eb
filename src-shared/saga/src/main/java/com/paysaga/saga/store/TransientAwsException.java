package com.paysaga.saga.store;

import java.util.function.Supplier;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * An AWS call failed in a way that trying again later can fix (throttling, a 5xx, a timeout)
 * after the SDK's own retries: the state machine's Retry matches this one name instead of every
 * SDK exception class that might mean it.
 */
public class TransientAwsException extends RuntimeException {

    public TransientAwsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Runs {@code call}; an SDK failure that is transient comes out as this type, anything else unchanged. */
    public static <T> T translating(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            if (isTransient(e)) {
                throw new TransientAwsException("transient AWS failure: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    public static boolean isTransient(SdkException e) {
        if (e instanceof SdkClientException) {
            return true;
        }
        if (e instanceof AwsServiceException s) {
            return s.isThrottlingException() || s.statusCode() >= 500 || s.retryable();
        }
        return e.retryable();
    }
}

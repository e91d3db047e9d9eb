package com.paysaga.functions.common;

import java.util.function.Supplier;

import org.jboss.logging.MDC;

import com.paysaga.saga.store.TransientAwsException;

/**
 * What every handler does around its one service call: the log context every line carries
 * ({@code fileId}, {@code stage}, {@code execution}, emitted as JSON fields in production) and
 * the translation of transient AWS failures into the one retryable error name the state
 * machine matches.
 */
public final class Logged {

    private Logged() {
    }

    public static <T> T call(String fileId, String stage, String execution, Supplier<T> work) {
        put("fileId", fileId);
        put("stage", stage);
        put("execution", execution);
        try {
            return TransientAwsException.translating(work);
        } finally {
            MDC.remove("fileId");
            MDC.remove("stage");
            MDC.remove("execution");
        }
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}

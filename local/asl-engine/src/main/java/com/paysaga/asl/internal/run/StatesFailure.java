package com.paysaga.asl.internal.run;

/**
 * A failure with an ASL error name and cause, raised anywhere inside a state's processing.
 * {@code engineDetected} marks failures the interpreter itself detected (a path that does not
 * resolve, an intrinsic that fails, no Choice rule matched): the service prefixes their cause with
 * the state and the id of its entered event, e.g. "An error occurred while executing the state
 * 'X' (entered at the event id #2). Invalid path '$.a' : No results for path: $['a']".
 */
public class StatesFailure extends RuntimeException {

    private final String error;
    private final String cause;
    private final boolean engineDetected;

    public StatesFailure(String error, String cause, boolean engineDetected) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
        this.engineDetected = engineDetected;
    }

    public static StatesFailure detected(String error, String cause) {
        return new StatesFailure(error, cause, true);
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    public boolean engineDetected() {
        return engineDetected;
    }
}

package com.paysaga.asl.internal.run;

import com.paysaga.asl.internal.model.Model;

/** Opens the package-private retry arithmetic to the tests in the parent package. */
public final class InterpreterAccess {

    private InterpreterAccess() {
    }

    public static double retryDelaySeconds(Model.Retrier retrier, int retriesSoFar) {
        return Interpreter.retryDelay(retrier, retriesSoFar).toNanos() / 1e9;
    }
}

package com.paysaga.asl.internal.intrinsic;

/** An intrinsic function call that cannot be parsed; reported when the definition is loaded. */
public final class IntrinsicSyntaxException extends Exception {

    public IntrinsicSyntaxException(String message) {
        super(message, null, false, false);
    }
}

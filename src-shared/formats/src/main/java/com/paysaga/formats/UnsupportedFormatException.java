package com.paysaga.formats;

/**
 * A format was detected or forced, but no parser is registered for it in
 * {@link PaymentFileParsers}. A deployment defect, not bad input: the file itself may be fine.
 */
public final class UnsupportedFormatException extends RuntimeException {

    public UnsupportedFormatException(Format format) {
        super("no parser is registered for format " + format
                + " (add it to PaymentFileParsers.standard())");
    }
}

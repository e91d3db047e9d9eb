package com.paysaga.saga.routing;

/** The upload's partner (the key segment after {@code inbound/}) has no profile. */
public class UnknownPartnerException extends RuntimeException {

    public UnknownPartnerException(String partner, String source) {
        super("no partner profile for '" + partner + "' in " + source
                + "; add one to profiles/partners.json in the config bucket");
    }

    /** The same rejection with more context (e.g. the file it concerns). */
    public UnknownPartnerException(String message, UnknownPartnerException cause) {
        super(message, cause);
    }
}

package com.paysaga.saga.routing;

import java.time.Instant;
import java.time.LocalTime;

/** The file arrived after the last cut-off and its profile's late policy is REJECT. */
public class LateFileRejectedException extends RuntimeException {

    public LateFileRejectedException(String profileId, Instant receivedAt, LocalTime lastCutOff, String zone) {
        super("file received at " + receivedAt + " is after the last cut-off " + lastCutOff + " " + zone
                + " of its business day and profile " + profileId + " rejects late files; the partner must resend");
    }
}

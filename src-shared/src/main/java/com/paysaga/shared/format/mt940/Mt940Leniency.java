package com.paysaga.shared.format.mt940;

/** Named partner-profile options that relax one strict MT940 rule each (ParseOptions.leniencies). */
public final class Mt940Leniency {

    /**
     * Characters outside the SWIFT X character set (umlauts in :86: from German banking portals,
     * which never travelled over the SWIFT network) give one warning for the file instead of an
     * error per line. Declare the file's charset in the partner profile alongside.
     */
    public static final String EXTENDED_CHARSET = "MT940_EXTENDED_CHARSET";

    private Mt940Leniency() {
    }
}

package com.paysaga.formats.mt940;

/** Named partner-profile options that relax one strict MT940 rule each (ParseOptions.leniencies). */
public final class Mt940Leniency {

    /**
     * Characters outside the SWIFT X character set (umlauts in :86: from German banking portals,
     * which never travelled over the SWIFT network) give one warning for the file instead of an
     * error per line. Declare the file's charset in the partner profile alongside.
     */
    public static final String EXTENDED_CHARSET = "MT940_EXTENDED_CHARSET";

    /**
     * A :86: field longer than the network allows (6 lines of 65 characters, 6*65x) gives one
     * warning for the file instead of an error per field: some banking portals write the
     * information to the account owner as one long line, which never passed through FIN.
     */
    public static final String LONG_INFORMATION = "MT940_LONG_INFORMATION";

    private Mt940Leniency() {
    }
}

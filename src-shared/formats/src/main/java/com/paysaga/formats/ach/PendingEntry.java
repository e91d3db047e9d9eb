package com.paysaga.formats.ach;

import java.time.LocalDate;

/**
 * The entry detail record being assembled while its addenda records are read. One instance is
 * reused for every entry of a file, so a 500,000-entry file allocates no per-entry holder.
 */
final class PendingEntry {

    /** What the entry's addenda 98/99 (if any) make of it. */
    enum Category { FORWARD, RETURN, DISHONORED_RETURN, CONTESTED_RETURN, NOC }

    final byte[] record = new byte[NachaRecordReader.RECORD_LENGTH];
    /** The batch's SEC code (null when unknown), whose rules the entry follows. */
    SecCode sec;
    /** The batch's entry layout. */
    EntryLayout layout;
    long number;
    String location;
    /** False once a field needed to build a transaction is unusable; the entry is then not emitted. */
    boolean ok;
    int code;
    boolean credit;
    long rdfi;
    int checkDigit;
    long amount;
    long trace;
    byte indicator;
    /** Number of Addenda Records field (CTX/ATX/ENR/TRX positions 55–58, IAT 13–16), -1 if absent. */
    long declaredAddenda;

    Category category;
    int addenda;
    int count05;
    int count17;
    int count18;
    int iatNext;
    boolean special;
    final StringBuilder remittance = new StringBuilder();

    String reasonCode;
    /** Attributes only some addenda layouts have (dishonored and contested returns, refused NOCs): key, value, … */
    final String[] extra = new String[20];
    int extraSize;
    String originalTrace;
    String originalRdfi;
    String correctedData;
    String returnInformation;
    LocalDate dateOfDeath;

    String refInfo1;
    String refInfo2;
    String terminalId;
    String transactionSerial;
    String transactionDate;
    String authorizationCode;
    String terminalLocation;
    String terminalCity;
    String terminalState;

    String iatTypeCode;
    long foreignPaymentAmount;
    String foreignTrace;
    String receiverName;
    String originatorName;
    String originatorAddress;
    String odfiName;
    String odfiId;
    String odfiCountry;
    String rdfiName;
    String rdfiId;
    String rdfiCountry;
    String receiverIdNumber;
    String receiverAddress;
    final StringBuilder correspondents = new StringBuilder();

    boolean iat() {
        return layout == IatEntries.INSTANCE;
    }

    /** Keeps an attribute for the transaction; a null value is left out. */
    void extra(String key, String value) {
        if (value != null) {
            extra[extraSize++] = key;
            extra[extraSize++] = value;
        }
    }

    void start(byte[] source, SecCode sec, EntryLayout layout, long number, String location) {
        System.arraycopy(source, 0, record, 0, record.length);
        this.sec = sec;
        this.layout = layout;
        this.number = number;
        this.location = location;
        ok = true;
        code = -1;
        credit = false;
        rdfi = -1;
        checkDigit = -1;
        amount = -1;
        trace = -1;
        indicator = '0';
        declaredAddenda = -1;
        category = Category.FORWARD;
        addenda = 0;
        count05 = 0;
        count17 = 0;
        count18 = 0;
        iatNext = 10;
        special = false;
        remittance.setLength(0);
        reasonCode = null;
        extraSize = 0;
        originalTrace = null;
        originalRdfi = null;
        correctedData = null;
        returnInformation = null;
        dateOfDeath = null;
        refInfo1 = null;
        refInfo2 = null;
        terminalId = null;
        transactionSerial = null;
        transactionDate = null;
        authorizationCode = null;
        terminalLocation = null;
        terminalCity = null;
        terminalState = null;
        iatTypeCode = null;
        foreignPaymentAmount = -1;
        foreignTrace = null;
        receiverName = null;
        originatorName = null;
        originatorAddress = null;
        odfiName = null;
        odfiId = null;
        odfiCountry = null;
        rdfiName = null;
        rdfiId = null;
        rdfiCountry = null;
        receiverIdNumber = null;
        receiverAddress = null;
        correspondents.setLength(0);
    }
}

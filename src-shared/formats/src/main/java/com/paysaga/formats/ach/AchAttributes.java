package com.paysaga.formats.ach;

/**
 * Keys of {@link com.paysaga.formats.domain.Transaction#attributes()} that the NACHA parser sets.
 * Values are strings; amounts are integer minor units; dates ISO-8601.
 */
public final class AchAttributes {

    /** Entry positions 2–3, e.g. "22". */
    public static final String TRANSACTION_CODE = "transactionCode";
    /** The entry's own NACHA classification, which control total it counts in: CREDIT or DEBIT. */
    public static final String ACH_ENTRY_TYPE = "achEntryType";
    /** {@link EntryKind} name. */
    public static final String ENTRY_KIND = "entryKind";
    public static final String BATCH_NUMBER = "batchNumber";
    public static final String SERVICE_CLASS_CODE = "serviceClassCode";
    public static final String COMPANY_ID = "companyId";
    public static final String COMPANY_ENTRY_DESCRIPTION = "companyEntryDescription";
    public static final String COMPANY_DISCRETIONARY_DATA = "companyDiscretionaryData";
    public static final String COMPANY_DESCRIPTIVE_DATE = "companyDescriptiveDate";
    public static final String INDIVIDUAL_ID = "individualId";
    public static final String DISCRETIONARY_DATA = "discretionaryData";
    /** WEB and TEL: R (recurring) or S (single), entry positions 77–78. */
    public static final String PAYMENT_TYPE_CODE = "paymentTypeCode";
    public static final String ADDENDA_COUNT = "addendaCount";
    public static final String CHECK_SERIAL_NUMBER = "checkSerialNumber";
    public static final String TERMINAL_CITY = "terminalCity";
    public static final String TERMINAL_STATE = "terminalState";
    public static final String TERMINAL_ID = "terminalId";
    public static final String TERMINAL_LOCATION = "terminalLocation";
    public static final String TRANSACTION_SERIAL_NUMBER = "transactionSerialNumber";
    public static final String TRANSACTION_DATE_MMDD = "transactionDateMMDD";
    public static final String AUTHORIZATION_CODE = "authorizationCode";
    public static final String CARD_TRANSACTION_TYPE = "cardTransactionType";
    public static final String CARD_EXPIRATION_MMYY = "cardExpirationMMYY";
    public static final String CARD_LAST4 = "cardLast4";
    public static final String DOCUMENT_REFERENCE = "documentReference";
    public static final String PROCESS_CONTROL_FIELD = "processControlField";
    public static final String ITEM_RESEARCH_NUMBER = "itemResearchNumber";
    public static final String ITEM_TYPE_INDICATOR = "itemTypeIndicator";
    public static final String ORIGINAL_TRACE = "originalTrace";
    public static final String ORIGINAL_RDFI = "originalRdfi";
    public static final String RETURN_REASON_CODE = "returnReasonCode";
    public static final String RETURN_ADDENDA_INFORMATION = "returnAddendaInformation";
    public static final String DATE_OF_DEATH = "dateOfDeath";
    public static final String CHANGE_CODE = "changeCode";
    /** Refused NOC (change codes C61–C69): the change code of the NOC being refused. */
    public static final String ORIGINAL_CHANGE_CODE = "originalChangeCode";
    /** Refused NOC: positions 68–74, the sequence part of the refused NOC's trace number. */
    public static final String TRACE_SEQUENCE_NUMBER = "traceSequenceNumber";
    /** Dishonored and contested returns: the trace number of the return they answer. */
    public static final String RETURN_TRACE = "returnTraceNumber";
    /** Dishonored and contested returns: the return's settlement date as a Julian day (001–366). */
    public static final String RETURN_SETTLEMENT_DAY = "returnSettlementDay";
    /** Dishonored and contested returns: the reason code of the return they answer, e.g. "R01". */
    public static final String ORIGINAL_RETURN_REASON_CODE = "originalReturnReasonCode";
    /** Contested dishonored returns: when the original entry was returned (ISO date). */
    public static final String DATE_ORIGINAL_ENTRY_RETURNED = "dateOriginalEntryReturned";
    /** Contested dishonored returns: the original entry's settlement date as a Julian day. */
    public static final String ORIGINAL_SETTLEMENT_DAY = "originalSettlementDay";
    /** Contested dishonored returns: the dishonored return's trace number, settlement day and reason code. */
    public static final String DISHONORED_RETURN_TRACE = "dishonoredReturnTraceNumber";
    public static final String DISHONORED_RETURN_SETTLEMENT_DAY = "dishonoredReturnSettlementDay";
    public static final String DISHONORED_RETURN_REASON_CODE = "dishonoredReturnReasonCode";
    /** NOC corrected data; account numbers in it are masked to the last four. */
    public static final String CORRECTED_DATA = "correctedData";
    public static final String IAT_TRANSACTION_TYPE_CODE = "iatTransactionTypeCode";
    public static final String ORIGINATING_CURRENCY = "originatingCurrency";
    public static final String DESTINATION_CURRENCY = "destinationCurrency";
    public static final String DESTINATION_COUNTRY = "destinationCountry";
    public static final String FOREIGN_EXCHANGE_INDICATOR = "foreignExchangeIndicator";
    public static final String FOREIGN_EXCHANGE_REFERENCE_INDICATOR = "foreignExchangeReferenceIndicator";
    public static final String FOREIGN_EXCHANGE_REFERENCE = "foreignExchangeReference";
    /** Addenda 10 Foreign Payment Amount in minor units of {@link #DESTINATION_CURRENCY}. */
    public static final String FOREIGN_PAYMENT_AMOUNT_MINOR = "foreignPaymentAmountMinor";
    public static final String FOREIGN_TRACE_NUMBER = "foreignTraceNumber";
    public static final String ORIGINATOR_ADDRESS = "originatorAddress";
    public static final String RECEIVER_ADDRESS = "receiverAddress";
    public static final String RECEIVER_ID_NUMBER = "receiverIdNumber";
    public static final String ORIGINATING_BANK_NAME = "originatingBankName";
    public static final String ORIGINATING_BANK_COUNTRY = "originatingBankCountry";
    public static final String RECEIVING_BANK_NAME = "receivingBankName";
    public static final String RECEIVING_BANK_COUNTRY = "receivingBankCountry";
    public static final String FOREIGN_CORRESPONDENT_BANKS = "foreignCorrespondentBanks";
    public static final String OFAC_SCREENING = "ofacScreening";
    public static final String ADV_ROUTING_NUMBER = "adviceRoutingNumber";
    public static final String ADV_FILE_IDENTIFICATION = "adviceFileIdentification";

    private AchAttributes() {
    }

    /** What an emitted entry is; prenotifications are never emitted (they move no money and carry no data). */
    public enum EntryKind {
        /** A payment: transaction codes x2, x7, 55 and ADV advices. */
        LIVE,
        /** Zero-dollar entry carrying remittance data (x4, x9) or an acknowledgment (ACK/ATX). */
        ZERO_DOLLAR,
        /** Zero-amount information entry with live or prenote codes: ENR enrollment, DNE death notice. */
        NON_MONETARY,
        /** A returned entry (addenda 99): reverses the original, see {@link com.paysaga.formats.domain.Direction}. */
        RETURN,
        /**
         * The ODFI's dishonor of a return (addenda 99, codes R61, R62, R67–R70): reverses the return,
         * so it has the direction of the original entry.
         */
        DISHONORED_RETURN,
        /** The RDFI's contest of a dishonored return (addenda 99, codes R71–R77): a return again. */
        CONTESTED_RETURN,
        /** A Notification of Change (addenda 98): zero amount, corrected data for the originator. */
        NOC
    }
}

package com.paysaga.shared.domain;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The canonical payment transaction every format parses into (DESIGN.md §3). Amounts are
 * integer minor units of {@code currency} (ISO 4217); account numbers and PANs travel as
 * {@link SensitiveValue}s until the tokenizer replaces them.
 *
 * @param txnId         deterministic: {@link TransactionIds#of(String, String)} of fileId and sourceLocator
 * @param seq           1-based position of the transaction in the file
 * @param sourceLocator where it came from: "line 12", "record 12" (a NACHA file without line
 *                      ends, where records are counted instead), or an XML element path with indexes
 * @param format        the {@link com.paysaga.shared.format.Format} name
 * @param paymentType   format-specific kind: ACH SEC code, ISO message, BAI2 type code, …
 * @param direction     seen from the account the file is about; see {@link Direction} for the
 *                      one convention every format follows
 * @param amountMinor   never negative: the sign is {@code direction}
 * @param valueDate     settlement / value date where the format has one
 * @param bookingDate   effective entry date (ACH) or booking date (statements)
 * @param debtorAgent   routing number (ABA) or BIC of the debtor's bank
 * @param reference     trace number (ACH), bank reference (BAI2/MT940), …
 * @param attributes    further format fields worth keeping (transaction code, addenda, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Transaction(
        String txnId,
        String fileId,
        long seq,
        String sourceLocator,
        String format,
        String paymentType,
        Direction direction,
        long amountMinor,
        String currency,
        LocalDate valueDate,
        LocalDate bookingDate,
        String debtorName,
        SensitiveValue debtorAccount,
        String debtorAgent,
        String creditorName,
        SensitiveValue creditorAccount,
        String creditorAgent,
        String reference,
        String endToEndId,
        String uetr,
        String remittanceInfo,
        Map<String, String> attributes) {

    public Transaction {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}

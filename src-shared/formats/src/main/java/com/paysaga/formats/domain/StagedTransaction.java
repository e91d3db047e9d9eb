package com.paysaga.formats.domain;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A {@link Transaction} as written to the staging chunks and loaded into DynamoDB: each account
 * number or PAN replaced by its token and last four characters (PCI DSS 4.0 req. 3.5.1).
 * Nothing in this type can hold a clear account number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StagedTransaction(
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
        String debtorAccountToken,
        String debtorAccountLast4,
        String debtorAgent,
        String creditorName,
        String creditorAccountToken,
        String creditorAccountLast4,
        String creditorAgent,
        String reference,
        String endToEndId,
        String uetr,
        String remittanceInfo,
        Map<String, String> attributes) {

    public StagedTransaction {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Builds the staged form; {@code tokenizer} maps a sensitive value to its token. */
    public static StagedTransaction of(Transaction t, java.util.function.Function<SensitiveValue, String> tokenizer) {
        return new StagedTransaction(t.txnId(), t.fileId(), t.seq(), t.sourceLocator(), t.format(), t.paymentType(),
                t.direction(), t.amountMinor(), t.currency(), t.valueDate(), t.bookingDate(),
                t.debtorName(), t.debtorAccount() == null ? null : tokenizer.apply(t.debtorAccount()),
                t.debtorAccount() == null ? null : t.debtorAccount().last4(), t.debtorAgent(),
                t.creditorName(), t.creditorAccount() == null ? null : tokenizer.apply(t.creditorAccount()),
                t.creditorAccount() == null ? null : t.creditorAccount().last4(), t.creditorAgent(),
                t.reference(), t.endToEndId(), t.uetr(), t.remittanceInfo(), t.attributes());
    }
}

package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.blank;
import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.text;

import java.util.Currency;
import java.util.regex.Pattern;

import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.formats.domain.Transaction.Attributes;

/**
 * The IAT entry layout: 13–16 Number of Addenda Records, 30–39 Amount, 40–74 Foreign
 * Receiver's Account Number / DFI Account Number, 77–78 OFAC screening indicators (gateway and
 * secondary). Names, addresses and banks of both sides come from the mandatory addenda 10–16
 * ({@link IatAddenda}); the currencies and foreign exchange terms from the IAT batch header.
 */
final class IatEntries implements EntryLayout {

    static final IatEntries INSTANCE = new IatEntries();

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

    private IatEntries() {
    }

    @Override
    public long read(byte[] r, PendingEntry e, NachaIssues issues) {
        e.declaredAddenda = digits(r, 13, 4);
        if (e.declaredAddenda < 0) {
            issues.error("Number of Addenda Records", "must be 4 digits");
        }
        long amount = digits(r, 30, 10);
        if (blank(r, 40, 35)) {
            issues.error("Foreign Receiver's Account Number", "is blank");
        }
        if (!ofacIndicator(r[76]) || !ofacIndicator(r[77])) {
            issues.error("OFAC Screening Indicator", "must be blank, 0 or 1");
        }
        return amount;
    }

    private static boolean ofacIndicator(byte b) {
        return b == ' ' || b == '0' || b == '1';
    }

    @Override
    public void forwardRules(PendingEntry e, SecCode s, NachaIssues issues) {
        // the mandatory addenda 10-16 are checked with the addenda count of every SEC code
    }

    @Override
    public void describe(PendingEntry e, SecCode s, NachaBatch b, EntryParties p, Attributes.Builder a,
            NachaIssues issues) {
        byte[] r = e.record;
        p.account = text(r, 40, 35);
        if (p.account != null && IBAN.matcher(p.account).matches()) {
            p.accountKind = SensitiveValue.Kind.IBAN;
        }
        p.receiverName = e.receiverName;
        p.originatorName = e.originatorName;
        if (e.odfiId != null) {
            p.originatorAgent = e.odfiId;
        }
        if (e.rdfiId != null) {
            p.receiverAgent = e.rdfiId;
        }
        a.put(AchAttributes.IAT_TRANSACTION_TYPE_CODE, e.iatTypeCode);
        a.put(AchAttributes.ORIGINATING_CURRENCY, b.iatOriginatingCurrency);
        a.put(AchAttributes.DESTINATION_CURRENCY, b.iatDestinationCurrency);
        a.put(AchAttributes.DESTINATION_COUNTRY, b.iatDestinationCountry);
        a.put(AchAttributes.FOREIGN_EXCHANGE_INDICATOR, b.iatFxIndicator);
        a.put(AchAttributes.FOREIGN_EXCHANGE_REFERENCE_INDICATOR, b.iatFxReferenceIndicator);
        a.put(AchAttributes.FOREIGN_EXCHANGE_REFERENCE, b.iatFxReference);
        a.put(AchAttributes.FOREIGN_TRACE_NUMBER, e.foreignTrace);
        a.put(AchAttributes.ORIGINATOR_ADDRESS, e.originatorAddress);
        a.put(AchAttributes.RECEIVER_ADDRESS, e.receiverAddress);
        a.put(AchAttributes.RECEIVER_ID_NUMBER, e.receiverIdNumber);
        a.put(AchAttributes.ORIGINATING_BANK_NAME, e.odfiName);
        a.put(AchAttributes.ORIGINATING_BANK_COUNTRY, e.odfiCountry);
        a.put(AchAttributes.RECEIVING_BANK_NAME, e.rdfiName);
        a.put(AchAttributes.RECEIVING_BANK_COUNTRY, e.rdfiCountry);
        if (!e.correspondents.isEmpty()) {
            a.put(AchAttributes.FOREIGN_CORRESPONDENT_BANKS, e.correspondents.toString());
        }
        a.put(AchAttributes.OFAC_SCREENING, text(r, 77, 2));
        if (e.foreignPaymentAmount > 0 && b.iatDestinationCurrency != null) {
            Long minor = foreignMinorUnits(e.foreignPaymentAmount, b.iatDestinationCurrency);
            if (minor == null) {
                issues.entryWarning(e, "Foreign Payment Amount", "has cents that "
                        + b.iatDestinationCurrency + " does not have; not converted to minor units");
            } else {
                a.put(AchAttributes.FOREIGN_PAYMENT_AMOUNT_MINOR, Long.toString(minor));
            }
        }
    }

    /**
     * The Foreign Payment Amount field always has two implied decimals ($$$$$$$$$$$$$$$$¢¢);
     * the destination currency may have 0, 2 or 3 (JPY, EUR, BHD).
     */
    static Long foreignMinorUnits(long twoDecimals, String currency) {
        int digits;
        try {
            digits = Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (digits < 0 || digits == 2) {
            return twoDecimals;
        }
        if (digits > 2) {
            return Math.multiplyExact(twoDecimals, (long) Math.pow(10, digits - 2));
        }
        long divisor = (long) Math.pow(10, 2 - digits);
        return twoDecimals % divisor == 0 ? twoDecimals / divisor : null;
    }
}

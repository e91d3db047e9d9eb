package com.paysaga.formats.ach;

import java.io.IOException;
import java.io.InputStream;

import com.paysaga.formats.Format;
import com.paysaga.formats.FormatParser;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;

/**
 * Streaming parser and validator of NACHA ACH files (NACHA Operating Rules, Appendix Three
 * record formats): file header (1), batch header (5), entry detail (6), addenda (7), batch
 * control (8), file control (9) and 9-filler, for every SEC code — ACK, ADV, ARC, ATX, BOC,
 * CCD, CIE, COR, CTX, DNE, ENR, IAT, MTE, POP, POS, PPD, RCK, SHR, TEL, TRC, TRX, WEB, XCK —
 * including IAT (addenda 10–18, and IAT notifications of change: COR batches marked IATCOR),
 * ADV (its own entry and control layouts), notifications of change and refused ones (COR,
 * addenda 98, C01–C14 and C61–C69), returns, dishonored and contested dishonored returns
 * (addenda 99). Hand-written at the byte level: no regular expression or per-field string runs
 * for a record that only needs validating. {@code docs/nacha-rules.md} lists every rule with
 * its level and source.
 *
 * <h2>What is validated</h2>
 * Record lengths; record order; every numeric field, date (YYMMDD) and code; routing check
 * digits (3-7-1); transaction codes against the SEC code, the service class (200/220/225/280),
 * the amount (prenotifications and zero-dollar entries carry zero; ARC/BOC/POP ≤ $25,000,
 * RCK/XCK ≤ $2,500) and the addenda (indicator vs records, counted addenda, types per SEC,
 * sequence numbers, IAT order 10–16 then up to two 17 and five 18); return reason and change
 * codes against the Rules' tables; trace numbers ascending and prefixed by the ODFI; batch
 * numbers ascending; batch and file controls: entry/addenda count, entry hash (sum of 8-digit
 * RDFI numbers, low 10 digits), debit and credit totals, batch count, block count; blocking
 * factor 10 with 9-filler. What the Rules let the ACH Operator or the RDFI supply or ignore —
 * a blank TEL/WEB Payment Type Code, a blank, zero, invalid or past Effective Entry Date, the
 * Settlement Date — is a warning unless a {@link NachaStrictness} option rejects it.
 *
 * <h2>Real files</h2>
 * Accepted as they are: CRLF/CR line ends, no line ends at all (a continuous 94-byte record
 * stream, located as "record N"; otherwise "line N"), a UTF-8 byte-order mark (warning), lines
 * shortened by stripped trailing blanks (restored, with a warning) and blank lines after the
 * last record (warning). Everything else that deviates is an error unless a
 * {@link NachaLeniency} option turns it into a warning.
 *
 * <h2>Canonical transactions</h2>
 * One per entry detail record, emitted when its addenda are complete, except prenotifications
 * (codes 23/28/33/38/43/48/53): they validate an account, move no money and carry no data, so
 * they are counted in {@code entries} but are not transactions. Zero-dollar remittance entries,
 * ACK/ATX acknowledgments, ENR enrollments and DNE death notices (both also on prenotification
 * codes by rule), NOCs and returns are transactions with their {@link AchAttributes.EntryKind};
 * a NOC or return carries the original trace and the change/return reason code in its
 * attributes. Amount: cents, USD, as the ACH network settles every entry in US dollars (for IAT
 * the foreign-currency leg is in the attributes: currencies, FX indicator and reference, and
 * the addenda 10 foreign payment amount in minor units of the destination currency).
 * Direction: see {@link com.paysaga.formats.domain.Direction}; the report's totals follow it
 * and say so ({@code totalsDirection}), while the report's {@code fileControl} keeps the file's
 * own figures. Value date: the settlement date the ACH operator inserted, else the effective
 * entry date; booking date: the effective entry date. Reference: the trace number. Account
 * numbers travel as {@link com.paysaga.formats.domain.SensitiveValue}; SHR card numbers and the
 * SSNs/account numbers in ENR/DNE addenda and NOC corrected data are masked to their last four
 * and never kept in clear.
 *
 * <p>Transactions reach the sink before the file's control records are checked: the consumer
 * must not publish them unless the returned report is valid.
 */
public final class NachaParser implements FormatParser {

    private static final int BUFFER_SIZE = 1 << 16;

    @Override
    public Format format() {
        return Format.NACHA;
    }

    @Override
    public ValidationReport parse(InputStream in, ParseOptions options, TransactionSink sink) throws IOException {
        return new NachaFileParser(in, options, sink, BUFFER_SIZE).parse();
    }
}

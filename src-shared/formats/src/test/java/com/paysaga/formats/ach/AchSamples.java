package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFileBuilder.pad;
import static com.paysaga.formats.ach.NachaFileBuilder.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NACHA sample files of {@code events/files/ach/}: one small valid file per SEC code, the
 * real-world variants, and deliberately broken files, each built here with correct control
 * records and then (for the broken ones) damaged in exactly one way. {@link #main} writes them;
 * {@code AchSampleFilesTest} checks that the committed files are exactly what this produces and
 * that each parses to its {@code .summary.json} fixture.
 *
 * <p>A sample whose name is in {@link #leniencies()} also has a {@code .leniencies} file (the
 * options, comma-separated) and a {@code .lenient.summary.json} fixture for a parse with them.
 */
final class AchSamples {

    static final String CHASE = "021000021";
    static final String WELLS = "231380104";
    static final String BOSTON_FED = "011000015";
    static final String BOFA_NY = "026009593";
    static final String BOFA_CA = "122000661";

    private AchSamples() {
    }

    /** Sample name (file name) → content. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        // one valid file per SEC code
        put(out, "ppd-payroll.ach", ppdPayroll().build());
        put(out, "ppd-plus-debits.ach", new NachaFileBuilder()
                .batch("PPD", 225).description("INS PREM")
                .standard(27, CHASE, "443322110", 12500, "POLICY 77812", "ALICE SMITH", "")
                .addenda05("RMR*IV*POL-77812-0326**125.00\\").add()
                .standard(37, BOFA_NY, "5500123", 9900, "POLICY 77813", "BOB JONES", "").add()
                .end().build());
        put(out, "ccd.ach", new NachaFileBuilder()
                .batch("CCD", 200).company("PAYSAGA INC", "1234567890").description("VENDOR PAY")
                .standard(22, WELLS, "7700112233", 1500000, "VENDOR-0042", "ACME SUPPLY CO", "")
                .addenda05("RMR*IV*INV-1001**15000.00\\").add()
                .standard(27, CHASE, "8800223344", 250000, "CUST-0007", "GLOBEX CORP", "").add()
                .standard(24, BOFA_CA, "9900334455", 0, "VENDOR-0043", "INITECH LLC", "")
                .addenda05("RMR*IV*INV-1002**0.00*CREDIT MEMO APPLIED\\").add()
                .end().build());
        put(out, "ctx.ach", ctx(0).build());
        put(out, "web.ach", new NachaFileBuilder()
                .batch("WEB", 200).description("ONLINE PMT")
                .standard(27, CHASE, "123123123", 4999, "ORDER 55001", "CAROL WHITE", "S").add()
                .standard(27, WELLS, "456456456", 1999, "SUBSCR 8812", "DAN BLACK", "R").add()
                .standard(22, BOSTON_FED, "789789789", 2500, "P2P 0001", "ERIN GREEN", "S").add()
                .end().build());
        put(out, "tel.ach", new NachaFileBuilder()
                .batch("TEL", 225).description("PHONE PMT")
                .standard(27, CHASE, "321321321", 15000, "CALL 99001", "FRANK BROWN", "S").add()
                .end().build());
        put(out, "iat.ach", iat().build());
        put(out, "arc.ach", checkFile("ARC", "LOCKBOX"));
        put(out, "boc.ach", checkFile("BOC", "CHECK PMT"));
        put(out, "pop.ach", new NachaFileBuilder()
                .batch("POP", 225).description("PURCHASE")
                .entry(27, CHASE, "111222333", 8450, "000004521" + "SEAT" + "WA" + pad("HENRY FORD", 22) + "  ").add()
                .end().build());
        put(out, "rck.ach", checkFile("RCK", "REDEPCHECK"));
        put(out, "xck.ach", new NachaFileBuilder()
                .batch("XCK", 225).description("DESTROYED")
                .entry(27, CHASE, "111222333", 125000, pad("0000012345", 15) + "PROC01" + pad("ITEM0000000001", 16) + "  ").add()
                .end().build());
        put(out, "pos.ach", new NachaFileBuilder()
                .batch("POS", 200).description("POS PURCH")
                .standard(27, CHASE, "222333444", 4575, "CARD 4411", "IVY CHEN", "01")
                .addenda02("REF0001", "A1", "T00042", "000123", "0301", "AUTH01", "123 MAIN STREET",
                        "SPRINGFIELD", "IL").add()
                .end().build());
        put(out, "shr.ach", new NachaFileBuilder()
                .batch("SHR", 200).description("SHR PURCH")
                .entry(27, CHASE, "222333444", 3210, "1228" + pad("DOC00000001", 11) + pad("4111111111111111", 22) + "01")
                .addenda02("REF0002", "B2", "T00077", "000456", "0302", "AUTH02", "9 OAK AVENUE", "PORTLAND", "OR").add()
                .end().build());
        put(out, "mte.ach", new NachaFileBuilder()
                .batch("MTE", 200).description("ATM WDRL")
                .standard(27, CHASE, "222333444", 10000, "ATM 0001", "JACK DANIELS", "")
                .addenda02("REF0003", "C3", "ATM099", "000789", "0303", "AUTH03", "1 STATION PLAZA", "BOSTON", "MA").add()
                .end().build());
        put(out, "adv.ach", new NachaFileBuilder()
                .batch("ADV", 280).description("ADV FILE")
                .advEntry(81, CHASE, "ACCT000001", 1250000, "SETTLEMENT CREDIT", 1).add()
                .advEntry(82, CHASE, "ACCT000001", 300000, "SETTLEMENT DEBIT", 2).add()
                .end().build());
        put(out, "cor.ach", cor().build());
        put(out, "returns.ach", returns().build());
        put(out, "enr.ach", new NachaFileBuilder()
                .batch("ENR", 220).company("FIRST BANK", "9876543210").description("AUTOENROLL")
                .corporate(22, "051036706", "000000000", 0, "", 1, "SOCIAL SECURITY")
                .addenda05("22*12200066*1*123987654321*777777777*DOE*JOHN*0\\").add()
                .end().build());
        put(out, "dne.ach", new NachaFileBuilder()
                .batch("DNE", 220).company("SOC SEC ADMIN", "9101036669").description("DEATH NOTE")
                .standard(23, CHASE, "777888999", 0, "", "JANE DOE", "")
                .addenda05("DATE OF DEATH*010126*CUSTOMER SSN*123456789*AMOUNT*1234.56\\").add()
                .end().build());
        put(out, "cie.ach", new NachaFileBuilder()
                .batch("CIE", 220).company("BILLPAY SVC", "5556667777").description("BILL PMT")
                .entry(22, WELLS, "ELECTRIC-CO-ACCT", 8765, pad("KATE MOSS", 15) + pad("CUSTREF 00042", 22) + "  ").add()
                .end().build());
        put(out, "ack.ach", new NachaFileBuilder()
                .batch("ACK", 220).company("ACME SUPPLY CO", "7700112233").description("ACK")
                .entry(24, "121000358", "1234567890", 0, "121000350000001" + pad("PAYSAGA INC", 22) + "  ").add()
                .end().build());
        put(out, "atx.ach", new NachaFileBuilder()
                .batch("ATX", 220).company("ACME SUPPLY CO", "7700112233").description("ATX")
                .entry(24, "121000358", "1234567890", 0, "121000350000001" + "0001" + pad("PAYSAGA INC", 16) + "    ")
                .addenda05("RECEIVED CTX TRACE 121000350000001 OK").add()
                .end().build());
        put(out, "trx.ach", new NachaFileBuilder()
                .batch("TRX", 225).description("TRUNC CHKS")
                .corporate(27, CHASE, "99887766", 45600, "TRX-BUNDLE-01", 2, "CHECK CLEARING")
                .addenda05("CHECK 000101 AMOUNT 000000012300")
                .addenda05("CHECK 000102 AMOUNT 000000033300").add()
                .end().build());
        put(out, "trc.ach", new NachaFileBuilder()
                .batch("TRC", 225).description("TRUNCATED")
                .entry(27, CHASE, "111222333", 98000, pad("0000012346", 15) + "PROC02" + pad("ITEM0000000002", 16) + "01").add()
                .end().build());
        put(out, "enr-prenote-code.ach", new NachaFileBuilder()
                .batch("ENR", 220).company("FIRST BANK", "9876543210").description("AUTOENROLL")
                .corporate(23, "051036706", "000000000", 0, "", 1, "SOCIAL SECURITY")
                .addenda05("32*12200066*1*123987654322*777777778*ROE*JANE*0\\").add()
                .end().build());
        put(out, "cor-refused.ach", new NachaFileBuilder()
                .batch("COR", 200).company("PAYSAGA INC", "1234567890").description("NOC REFUSE")
                .standard(21, WELLS, "12345678", 0, "EMP001", "JANE DOE", "")
                .addenda98Refused("C62", "121000350000001", "23138010", "99887766554433", "C01", "0000001").add()
                .end().build());
        put(out, "dishonored-returns.ach", new NachaFileBuilder()
                .batch("PPD", 200).company("PAYSAGA INC", "1234567890").description("DISHONORED")
                .standard(26, CHASE, "443322110", 12500, "POLICY 77812", "ALICE SMITH", "")
                .addenda99Dishonored("R69", "121000350000001", "02100002", "021000020000001", "062", "01", "FIELD ERROR")
                .add()
                .standard(21, WELLS, "12345678", 100000000, "EMP001", "JANE DOE", "")
                .addenda99Contested("R72", "121000350000004", "260301", "23138010", "061", "231380100000009", "062", "03",
                        "121000350000011", "063", "69").add()
                .end().build());
        put(out, "prenotes.ach", new NachaFileBuilder()
                .batch("PPD", 200).description("PRENOTE")
                .standard(23, WELLS, "12345678", 0, "EMP010", "NEW HIRE ONE", "").add()
                .standard(28, CHASE, "87654321", 0, "CUST011", "NEW CUSTOMER", "").add()
                .standard(22, BOFA_NY, "55556666", 210000, "EMP012", "EXISTING EMP", "").add()
                .end().build());
        put(out, "multi-batch.ach", multiBatch().build());

        // real-world variants of a valid file
        String base = multiBatch().build();
        put(out, "stripped-blanks.ach", stripTrailingBlanks(base));
        put(out, "crlf.ach", base.replace("\n", "\r\n"));
        put(out, "no-line-ends.ach", base.replace("\n", ""));
        put(out, "missing-padding.ach", ppdPayroll().withoutFiller().build());
        put(out, "blank-lines.ach", insertBlankLines(base));
        out.put("utf8-bom.ach", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                base.getBytes(StandardCharsets.US_ASCII)));
        put(out, "settlement-date.ach", new NachaFileBuilder()
                .batch("PPD", 220).settlement("062")
                .standard(22, WELLS, "12345678", 100000000, "EMP001", "JANE DOE", "").add()
                .end().build());

        // what the Rules let the ACH Operator or the RDFI supply or ignore: warnings by default
        put(out, "web-blank-payment-type.ach", new NachaFileBuilder()
                .batch("WEB", 225).description("ONLINE PMT")
                .standard(27, CHASE, "123123123", 4999, "ORDER 55002", "CAROL WHITE", "").add()
                .end().build());
        put(out, "past-effective-date.ach", ppdPayroll(b -> b.effective("260227")).build());
        put(out, "zero-effective-date.ach", ppdPayroll(b -> b.effective("000000")).build());
        put(out, "invalid-effective-date.ach", join(replace(ppd(), 1, r -> patch(r, 70, "261345"))));
        put(out, "invalid-settlement-date.ach", ppdPayroll(b -> b.settlement("999")).build());

        // bank dialects, each accepted by a named leniency
        put(out, "crcrlf.ach", base.replace("\n", "\r\r\n"));
        put(out, "lfcr.ach", base.replace("\n", "\n\r"));
        put(out, "ctrl-z.ach", base + "\u001a");
        put(out, "lower-case.ach", join(lowerCase(new NachaFileBuilder()
                .batch("WEB", 225).description("ONLINE PMT")
                .standard(27, CHASE, "123123123", 4999, "ORDER 55001", "CAROL WHITE", "S").add()
                .end().records())));
        put(out, "batch-numbers.ach", join(sameBatchNumbers(multiBatch().records())));
        put(out, "custom-trace-numbers.ach", ppdPayroll(b -> b.tracePrefix("99887766")).build());
        put(out, "processor-file-header.ach", join(replace(ppd(), 0, r -> patch(patch(r, 4, " 100067554"), 34, " "))));
        put(out, "custom-return-code.ach", join(replace(returns().records(), 3, r -> patch(r, 4, "R99"))));

        // broken in exactly one way each
        List<String> ppd = ppdPayroll().records();
        put(out, "bad-entry-hash.ach", join(replace(ppd, 4, r -> patch(r, 11, "0099999999"))));
        put(out, "bad-batch-totals.ach", join(replace(ppd, 4, r -> patch(r, 33, "000200000001"))));
        put(out, "bad-file-totals.ach", join(replace(ppd, 5, r -> patch(r, 44, "000200000099"))));
        put(out, "bad-entry-count.ach", join(replace(ppd, 4, r -> patch(r, 5, "000003"))));
        put(out, "bad-batch-count.ach", join(replace(ppd, 5, r -> patch(r, 2, "000002"))));
        put(out, "bad-block-count.ach", join(replace(ppd, 5, r -> patch(r, 8, "000002"))));
        put(out, "bad-check-digit.ach", join(replace(ppd, 2, r -> patch(r, 12, "9"))));
        put(out, "bad-transaction-code.ach", join(replace(ppd, 2, r -> patch(r, 2, "20"))));
        put(out, "bad-amount.ach", new NachaFileBuilder()
                .batch("PPD", 220)
                .standard(22, WELLS, "12345678", 100000000, "EMP001", "JANE DOE", "").add()
                .end().build().replace("0100000000EMP001", "01000O0000EMP001"));
        put(out, "bad-addenda-indicator.ach", new NachaFileBuilder()
                .batch("PPD", 225)
                .standard(27, CHASE, "443322110", 12500, "POLICY 77812", "ALICE SMITH", "")
                .addenda05("RMR*IV*POL-77812-0326**125.00\\").addWithIndicator('0')
                .end().build());
        put(out, "bad-trace-order.ach", new NachaFileBuilder()
                .batch("PPD", 220)
                .standard(22, WELLS, "12345678", 1000, "EMP001", "JANE DOE", "").add()
                .standard(22, CHASE, "87654321", 2000, "EMP002", "JOHN ROE", "").add()
                .end().build()
                .replace("0121000350000002", "0121000350000000"));
        put(out, "prenote-with-amount.ach", new NachaFileBuilder()
                .batch("PPD", 220)
                .standard(23, WELLS, "12345678", 100, "EMP010", "NEW HIRE ONE", "").add()
                .end().build());
        put(out, "unknown-sec.ach", join(replace(ppd, 1, r -> patch(r, 51, "XYZ"))));
        put(out, "service-class-mismatch.ach", new NachaFileBuilder()
                .batch("PPD", 220)
                .standard(22, WELLS, "12345678", 1000, "EMP001", "JANE DOE", "").add()
                .standard(27, CHASE, "87654321", 500, "EMP002", "JOHN ROE", "").add()
                .end().build());
        put(out, "long-record.ach", join(replace(ppd, 2, r -> r + "     ")));
        put(out, "overlong-record.ach", join(replace(ppd, 2, r -> r + "EXTRA")));
        out.put("non-ascii-name.ach", latin1(join(replace(ppd, 2, r -> patch(r, 55, "JOS\u00c9 DOE")))));
        put(out, "ctx-addenda-count.ach", ctx(1).build());
        put(out, "iat-missing-addenda.ach", iatWithout13().build());
        put(out, "truncated.ach", join(ppd.subList(0, 3)));
        put(out, "truncated-mid-record.ach", base.replace("\n", "").substring(0, 94 * 5 + 40));
        put(out, "two-file-headers.ach", join(concatLists(ppd, ppdPayroll().records())));
        return out;
    }

    /** Samples invalid however lenient the options (the lenient ones are in {@link #leniencies()}). */
    static boolean broken(String name) {
        return name.startsWith("bad-") || name.startsWith("truncated") || name.equals("unknown-sec.ach")
                || name.equals("prenote-with-amount.ach") || name.equals("overlong-record.ach")
                || name.equals("ctx-addenda-count.ach") || name.equals("iat-missing-addenda.ach")
                || name.equals("two-file-headers.ach");
    }

    /** Strict options for the strict fixture of a sample that is valid (with a warning) without them. */
    static Map<String, String> strictness() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("web-blank-payment-type.ach", NachaStrictness.STRICT_PAYMENT_TYPE_CODE);
        m.put("past-effective-date.ach", NachaStrictness.STRICT_EFFECTIVE_ENTRY_DATE);
        m.put("zero-effective-date.ach", NachaStrictness.STRICT_EFFECTIVE_ENTRY_DATE);
        m.put("invalid-effective-date.ach", NachaStrictness.STRICT_EFFECTIVE_ENTRY_DATE);
        m.put("invalid-settlement-date.ach", NachaStrictness.STRICT_SETTLEMENT_DATE);
        m.put("settlement-date.ach", NachaStrictness.STRICT_SETTLEMENT_DATE);
        m.put("ppd-payroll.ach", NachaStrictness.STRICT_SETTLEMENT_DATE);
        return m;
    }

    /** Whether the strict option of a {@link #strictness()} sample rejects it (the settlement date sample has one). */
    static boolean strictRejects(String name) {
        return !name.equals("settlement-date.ach");
    }

    /** Options for the lenient fixture of a sample. */
    static Map<String, String> leniencies() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("missing-padding.ach", NachaLeniency.MISSING_BLOCK_FILLER);
        m.put("blank-lines.ach", NachaLeniency.BLANK_LINES);
        m.put("bad-block-count.ach", NachaLeniency.BLOCK_COUNT);
        m.put("bad-check-digit.ach", NachaLeniency.CHECK_DIGIT);
        m.put("bad-trace-order.ach", NachaLeniency.TRACE_NUMBERS);
        m.put("service-class-mismatch.ach", NachaLeniency.SERVICE_CLASS_MISMATCH);
        m.put("long-record.ach", NachaLeniency.LONG_RECORDS);
        m.put("non-ascii-name.ach", NachaLeniency.NON_ASCII_TEXT);
        m.put("crcrlf.ach", NachaLeniency.LINE_ENDS);
        m.put("lfcr.ach", NachaLeniency.LINE_ENDS);
        m.put("ctrl-z.ach", NachaLeniency.LINE_ENDS);
        m.put("lower-case.ach", NachaLeniency.LOWER_CASE);
        m.put("batch-numbers.ach", NachaLeniency.BATCH_NUMBERS);
        m.put("custom-trace-numbers.ach", NachaLeniency.TRACE_NUMBERS);
        m.put("custom-return-code.ach", NachaLeniency.CUSTOM_REASON_CODES);
        m.put("processor-file-header.ach", NachaLeniency.PROCESSOR_FILE_HEADER);
        return m;
    }

    static NachaFileBuilder ppdPayroll() {
        return ppdPayroll(b -> { });
    }

    /** The payroll file with its batch header changed before the entries are added. */
    static NachaFileBuilder ppdPayroll(java.util.function.Consumer<NachaFileBuilder.Batch> header) {
        NachaFileBuilder.Batch batch = new NachaFileBuilder().batch("PPD", 220);
        header.accept(batch);
        return batch
                .standard(22, WELLS, "12345678", 100000000, "EMP001", "JANE DOE", "").add()
                .standard(32, CHASE, "987654321", 100000000, "EMP002", "JOHN ROE", "").add()
                .end();
    }

    private static List<String> ppd() {
        return ppdPayroll().records();
    }

    /** SEC code, File ID Modifier and Payment Type Code in lower case, as one originator's software writes them. */
    private static List<String> lowerCase(List<String> records) {
        List<String> out = new ArrayList<>(records);
        out.set(0, patch(out.get(0), 34, "a"));
        out.set(1, patch(out.get(1), 51, out.get(1).substring(50, 53).toLowerCase(java.util.Locale.ROOT)));
        out.set(2, patch(out.get(2), 77, out.get(2).substring(76, 77).toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    /** The second batch numbered like the first (header and control), as some originators number every batch 1. */
    private static List<String> sameBatchNumbers(List<String> records) {
        List<String> out = new ArrayList<>();
        boolean first = true;
        for (String r : records) {
            if (r.charAt(0) == '5' && !first) {
                r = patch(r, 88, "0000001");
            } else if (r.charAt(0) == '8' && !first) {
                r = patch(r, 88, "0000001");
            }
            if (r.charAt(0) == '8') {
                first = false;
            }
            out.add(r);
        }
        return out;
    }

    /** A CTX entry carrying an 820 payment order; {@code miscount} is added to its Number of Addenda Records. */
    static NachaFileBuilder ctx(int miscount) {
        String edi = "ISA*00*          *00*          *ZZ*PAYSAGA        *ZZ*ACMESUPPLY     *260302*0930*U*00401"
                + "*000000001*0*P*>\\ST*820*0001\\BPR*C*1500.00*C*ACH*CTX\\TRN*1*PAY20260302\\N1*PR*PAYSAGA INC\\"
                + "ENT*1\\RMR*IV*INV-1001**1000.00\\RMR*IV*INV-1002**500.00\\SE*8*0001\\";
        NachaFileBuilder.Entry entry = new NachaFileBuilder()
                .batch("CTX", 220).description("TRADE PAY")
                .corporate(22, WELLS, "7700112233", 150000, "VENDOR-0042", (edi.length() + 79) / 80 + miscount,
                        "ACME SUPPLY CO");
        for (int i = 0; i < edi.length(); i += 80) {
            entry.addenda05(edi.substring(i, Math.min(edi.length(), i + 80)));
        }
        return entry.add().end();
    }

    static NachaFileBuilder.Entry iatEntryWithAddenda(NachaFileBuilder.Batch batch, int code, String routing,
            String account, long amount, long foreignAmount, boolean with13, boolean optional) {
        int count = (with13 ? 7 : 6) + (optional ? 2 : 0);
        NachaFileBuilder.Entry e = batch.iatEntry(code, routing, account, amount, count)
                .iatAddenda(10, "SAL" + String.format("%018d", foreignAmount) + pad("FT-0000099", 22)
                        + pad("MARIE CURIE", 35) + pad("", 6))
                .iatAddenda(11, pad("PAYSAGA INC", 35) + pad("100 MARKET STREET", 35) + pad("", 14))
                .iatAddenda(12, pad("SAN FRANCISCO*CA\\", 35) + pad("US*94105\\", 35) + pad("", 14));
        if (with13) {
            e.iatAddenda(13, pad("BANK OF AMERICA", 35) + "01" + pad("121000358", 34) + "US " + pad("", 10));
        }
        e.iatAddenda(14, pad("ROYAL BANK OF CANADA", 35) + "02" + pad("ROYCCAT2", 34) + "CA " + pad("", 10))
                .iatAddenda(15, pad("CUST-4411", 15) + pad("22 RUE SAINTE-CATHERINE", 35) + pad("", 34))
                .iatAddenda(16, pad("MONTREAL*QC\\", 35) + pad("CA*H2X1Y4\\", 35) + pad("", 14));
        if (optional) {
            e.iatAddenda(17, pad("SALARY MARCH 2026", 80) + "0001")
                    .iatAddenda(18, pad("HSBC BANK CANADA", 35) + "02" + pad("HKBCCATT", 34) + "CA " + pad("", 6) + "0001");
        }
        return e;
    }

    static NachaFileBuilder iat() {
        NachaFileBuilder f = new NachaFileBuilder();
        NachaFileBuilder.Batch outbound = f.batch("IAT", 220).company("", "1234567890").description("PAYROLL")
                .iat("FV", "1", "1.3561", "CA", "USD", "CAD");
        iatEntryWithAddenda(outbound, 22, "121000358", "CA000123456789", 250000, 339025, true, true).add();
        outbound.end();
        NachaFileBuilder.Batch fixed = f.batch("IAT", 220).company("", "1234567890").description("PAYROLL")
                .iat("FF", "3", "", "US", "USD", "USD");
        iatEntryWithAddenda(fixed, 22, WELLS, "12345678", 150000, 150000, true, false).add();
        return fixed.end();
    }

    static NachaFileBuilder iatWithout13() {
        NachaFileBuilder f = new NachaFileBuilder();
        NachaFileBuilder.Batch b = f.batch("IAT", 220).company("", "1234567890").description("PAYROLL")
                .iat("FF", "3", "", "US", "USD", "USD");
        iatEntryWithAddenda(b, 22, WELLS, "12345678", 150000, 150000, false, false).add();
        return b.end();
    }

    static NachaFileBuilder cor() {
        return new NachaFileBuilder()
                .batch("COR", 200).company("PAYSAGA INC", "1234567890").description("NOC")
                .standard(21, WELLS, "12345678", 0, "EMP001", "JANE DOE", "")
                .addenda98("C01", "121000350000001", "23138010", "99887766554433").add()
                .standard(26, CHASE, "443322110", 0, "POLICY 77812", "ALICE SMITH", "")
                .addenda98("C05", "121000350000007", "02100002", "32").add()
                .end();
    }

    static NachaFileBuilder returns() {
        return new NachaFileBuilder()
                .batch("PPD", 200).company("PAYSAGA INC", "1234567890").description("RETURNS")
                .standard(26, CHASE, "443322110", 12500, "POLICY 77812", "ALICE SMITH", "")
                .addenda99("R01", "121000350000001", "", "02100002", "INSUFFICIENT FUNDS").add()
                .standard(21, WELLS, "12345678", 100000000, "EMP001", "JANE DOE", "")
                .addenda99("R03", "121000350000004", "", "23138010", "").add()
                .end();
    }

    static NachaFileBuilder multiBatch() {
        NachaFileBuilder f = new NachaFileBuilder();
        f.batch("PPD", 220).description("PAYROLL")
                .standard(22, WELLS, "12345678", 250000, "EMP001", "JANE DOE", "").add()
                .standard(32, CHASE, "987654321", 310000, "EMP002", "JOHN ROE", "").addenda05("MARCH BONUS").add()
                .end();
        return f.batch("CCD", 225).description("COLLECT")
                .standard(27, BOFA_NY, "5500123", 99900, "CUST-0001", "GLOBEX CORP", "").add()
                .end();
    }

    private static byte[] checkFile(String sec, String description) {
        return new NachaFileBuilder()
                .batch(sec, 225).description(description)
                .entry(27, CHASE, "111222333", 45000, pad("0000001234", 15) + pad("GRACE HOPPER", 22) + "  ").add()
                .end().build().getBytes(StandardCharsets.US_ASCII);
    }

    private static String stripTrailingBlanks(String file) {
        StringBuilder b = new StringBuilder();
        for (String line : file.split("\n")) {
            b.append(line.stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static String insertBlankLines(String file) {
        String[] lines = file.split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            b.append(lines[i]).append('\n');
            if (i == 2) {
                b.append('\n');
            }
        }
        return b.append('\n').toString();
    }

    private interface Edit {
        String apply(String record);
    }

    private static List<String> replace(List<String> records, int index, Edit edit) {
        List<String> copy = new ArrayList<>(records);
        copy.set(index, edit.apply(copy.get(index)));
        return copy;
    }

    private static List<String> concatLists(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String join(List<String> records) {
        return String.join("\n", records) + "\n";
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void put(Map<String, byte[]> out, String name, String content) {
        out.put(name, content.getBytes(StandardCharsets.US_ASCII));
    }

    private static void put(Map<String, byte[]> out, String name, byte[] content) {
        out.put(name, content);
    }

    /** Writes the samples (not the fixtures: the test writes those with -Dpaysaga.writeFixtures=true). */
    public static void main(String[] args) throws IOException {
        Path dir = AchSampleFilesTest.samplesDir();
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : all().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        for (Map.Entry<String, String> e : leniencies().entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".leniencies"), e.getValue() + "\n");
        }
        for (Map.Entry<String, String> e : strictness().entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".strictness"), e.getValue() + "\n");
        }
    }
}

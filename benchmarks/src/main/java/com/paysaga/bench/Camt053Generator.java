package com.paysaga.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A valid camt.053.001.08 statement of any size, produced lazily as a stream so that a 1 GB
 * file never exists on disk or in memory. Entries repeat a block of four that nets to zero
 * (a credit with one TxDtls, the matching debit, a batch credit of three TxDtls and a debit
 * without details), so the balances and TxsSummry stay correct for every size and the parser
 * does its full validation work.
 */
public final class Camt053Generator extends InputStream {

    private static final BigDecimal BLOCK_SUM = new BigDecimal("2589.12");

    private final long entries;
    private long next;
    private byte[] chunk;
    private int pos;
    private boolean trailerDone;

    /** @param entries a multiple of 4 */
    public Camt053Generator(long entries) {
        if (entries % 4 != 0) {
            throw new IllegalArgumentException("entries must be a multiple of 4");
        }
        this.entries = entries;
        this.chunk = header().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] generate(long entries) {
        try (Camt053Generator in = new Camt053Generator(entries)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Transactions the parser must emit: 1 + 1 + 3 + 1 per block of four entries. */
    public static long expectedTransactions(long entries) {
        return entries / 4 * 6;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        while (pos == chunk.length) {
            if (!refill()) {
                return -1;
            }
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean refill() {
        pos = 0;
        if (next < entries) {
            StringBuilder sb = new StringBuilder(8192);
            for (int i = 0; i < 16 && next < entries; i++) {
                entry(sb, ++next);
            }
            chunk = sb.toString().getBytes(StandardCharsets.UTF_8);
            return true;
        }
        if (!trailerDone) {
            trailerDone = true;
            chunk = "    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n".getBytes(StandardCharsets.UTF_8);
            return true;
        }
        return false;
    }

    private String header() {
        BigDecimal sum = BLOCK_SUM.multiply(BigDecimal.valueOf(entries / 4));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>BENCH-1</MsgId><CreDtTm>2024-03-15T18:30:00+01:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>BENCH-STMT</Id>
                      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy><Ownr><Nm>Bench GmbH</Nm></Ownr></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-15</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-03-15</Dt></Dt></Bal>
                      <TxsSummry><TtlNtries><NbOfNtries>%d</NbOfNtries><Sum>%s</Sum></TtlNtries></TxsSummry>
                """.formatted(entries, sum.toPlainString());
    }

    private static void entry(StringBuilder sb, long n) {
        switch ((int) (n % 4)) {
            case 1 -> single(sb, n, "CRDT", "1234.56", "Dbtr", "DE02120300000000202051");
            case 2 -> single(sb, n, "DBIT", "1234.56", "Cdtr", "NL91ABNA0417164300");
            case 3 -> batch(sb, n);
            default -> sb.append("      <Ntry><NtryRef>").append(n).append("</NtryRef><Amt Ccy=\"EUR\">60.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>")
                    .append("<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2024-03-15</Dt></BookgDt><ValDt><Dt>2024-03-15</Dt></ValDt>")
                    .append("<AcctSvcrRef>SVC").append(n).append("</AcctSvcrRef>")
                    .append("<BkTxCd><Domn><Cd>ACMT</Cd><Fmly><Cd>MDOP</Cd><SubFmlyCd>CHRG</SubFmlyCd></Fmly></Domn></BkTxCd>")
                    .append("<AddtlNtryInf>Fees for period</AddtlNtryInf></Ntry>\n");
        }
    }

    private static void single(StringBuilder sb, long n, String indicator, String amount, String party, String iban) {
        sb.append("      <Ntry>\n        <NtryRef>").append(n).append("</NtryRef>\n        <Amt Ccy=\"EUR\">").append(amount)
                .append("</Amt>\n        <CdtDbtInd>").append(indicator).append("</CdtDbtInd>\n        <Sts><Cd>BOOK</Cd></Sts>\n")
                .append("        <BookgDt><Dt>2024-03-15</Dt></BookgDt>\n        <ValDt><Dt>2024-03-15</Dt></ValDt>\n")
                .append("        <AcctSvcrRef>SVC").append(n).append("</AcctSvcrRef>\n")
                .append("        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>\n")
                .append("        <NtryDtls>\n          <TxDtls>\n            <Refs><EndToEndId>E2E-").append(n)
                .append("</EndToEndId><TxId>TX").append(n).append("</TxId></Refs>\n")
                .append("            <Amt Ccy=\"EUR\">").append(amount).append("</Amt><CdtDbtInd>").append(indicator).append("</CdtDbtInd>\n")
                .append("            <RltdPties><").append(party).append("><Pty><Nm>Counterparty ").append(n).append(" GmbH</Nm></Pty></")
                .append(party).append("><").append(party).append("Acct><Id><IBAN>").append(iban).append("</IBAN></Id></")
                .append(party).append("Acct></RltdPties>\n")
                .append("            <RmtInf><Ustrd>Invoice ").append(n).append(" payment for goods and services rendered</Ustrd></RmtInf>\n")
                .append("          </TxDtls>\n        </NtryDtls>\n      </Ntry>\n");
    }

    private static void batch(StringBuilder sb, long n) {
        sb.append("      <Ntry>\n        <NtryRef>").append(n).append("</NtryRef>\n        <Amt Ccy=\"EUR\">60.00</Amt>\n")
                .append("        <CdtDbtInd>CRDT</CdtDbtInd>\n        <Sts><Cd>BOOK</Cd></Sts>\n")
                .append("        <BookgDt><Dt>2024-03-15</Dt></BookgDt>\n        <ValDt><Dt>2024-03-15</Dt></ValDt>\n")
                .append("        <AcctSvcrRef>SVC").append(n).append("</AcctSvcrRef>\n")
                .append("        <NtryDtls>\n          <Btch><NbOfTxs>3</NbOfTxs><TtlAmt Ccy=\"EUR\">60.00</TtlAmt><CdtDbtInd>CRDT</CdtDbtInd></Btch>\n");
        for (int i = 1; i <= 3; i++) {
            sb.append("          <TxDtls><Refs><EndToEndId>B").append(n).append('-').append(i).append("</EndToEndId></Refs>")
                    .append("<Amt Ccy=\"EUR\">").append(i * 10).append(".00</Amt><CdtDbtInd>CRDT</CdtDbtInd>")
                    .append("<RltdPties><Dbtr><Pty><Nm>Member ").append(i).append("</Nm></Pty></Dbtr></RltdPties>")
                    .append("<RmtInf><Ustrd>Contribution ").append(n).append("</Ustrd></RmtInf></TxDtls>\n");
        }
        sb.append("        </NtryDtls>\n      </Ntry>\n");
    }
}

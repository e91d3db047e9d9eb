package com.paysaga.formats.iso20022;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.stream.XMLStreamReader;

import com.paysaga.formats.domain.Direction;
import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.Format;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;

/**
 * camt.053 (BankToCustomerStatement) and camt.054 (BankToCustomerDebitCreditNotification).
 *
 * <p>One transaction per {@code TxDtls}. Batch-booked entries are expanded the way the ISO 20022
 * MDR and the CGI-MP / EPC SEPA guidelines describe them: an {@code Ntry} that carries several
 * {@code TxDtls} is split into one transaction each, with each TxDtls' own amount (required once
 * there is more than one, since the entry amount is the batch total) and the sum of the details
 * must equal the entry amount. An {@code Ntry} without {@code TxDtls} is one transaction with
 * the entry amount; if its {@code Btch/NbOfTxs} says it books several payments, the details were
 * not reported (banks send them in a separate camt.054 or not at all), so it stays one transaction
 * and a warning says so: splitting it would invent amounts.
 *
 * <p>Checks: {@code TxsSummry} counts and sums, {@code Btch/NbOfTxs} and {@code TtlAmt} against
 * the details, and per currency opening booked balance (OPBD, else PRCD) + booked entries =
 * closing booked balance (CLBD). Only entries with status BOOK (or without a status) move the
 * booked balance; PDNG and INFO entries are still transactions, flagged in attributes.
 */
final class CamtWalk extends XmlWalk {

    /** Layouts tested with samples: .02 and .08; .03–.07 share their element names for everything read here. */
    static final Set<Integer> VERSIONS = Set.of(2, 3, 4, 5, 6, 7, 8);

    private static final int STMT = 3;
    private static final int NTRY = 4;
    private static final int DTLS = 5;
    private static final int TX = 6;

    private final Format format;
    private final String expectedMessage;
    private final String container;
    private final String reportElement;

    private MessageId messageId;
    private String messageName;
    private String messagePath;
    private boolean inGroupHeader;
    private String msgId;
    private int statementCount;
    private Statement stmt;
    private Balance bal;
    private Entry entry;
    private Details dtls;
    private Tx tx;

    CamtWalk(Format format, ValidationReport report, ParseOptions options, TransactionSink sink) {
        super(report, options, sink);
        this.format = format;
        boolean statement = format == Format.CAMT_053;
        this.expectedMessage = statement ? "camt.053" : "camt.054";
        this.container = statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
        this.reportElement = statement ? "Stmt" : "Ntfctn";
    }

    @Override
    String location() {
        if (tx != null) {
            return tx.path;
        }
        if (entry != null) {
            return entry.path;
        }
        if (bal != null) {
            return bal.path;
        }
        if (stmt != null) {
            return stmt.path;
        }
        return messagePath != null ? messagePath : "/";
    }

    @Override
    void start(int depth, String name, XMLStreamReader reader) {
        switch (depth) {
            case 1 -> {
                String where = "/" + name;
                if (!name.equals("Document")) {
                    error(where, "", "root element must be Document, not an ISO 20022 " + expectedMessage + " message");
                    throw new Stop();
                }
                messageId = MessageId.fromNamespace(reader.getNamespaceURI());
                messageName = messageId == null ? null : messageId.toString();
                if (messageId == null || !messageId.message().equals(expectedMessage)) {
                    error(where, "xmlns", "namespace is not an ISO 20022 " + expectedMessage + " message");
                    throw new Stop();
                }
                if (!messageId.supported(VERSIONS)) {
                    error(where, "xmlns", "unsupported message version " + messageId + " (supported: "
                            + expectedMessage + ".001.02 to .001.08)");
                    throw new Stop();
                }
            }
            case 2 -> {
                messagePath = "/Document/" + name;
                if (!name.equals(container)) {
                    error(messagePath, "", "expected " + container + " under Document");
                    throw new Stop();
                }
            }
            case STMT -> {
                if (name.equals(reportElement)) {
                    stmt = new Statement(++statementCount, messagePath + "/" + reportElement + "[" + statementCount + "]");
                    openContext();
                } else if (name.equals("GrpHdr")) {
                    inGroupHeader = true;
                }
            }
            case NTRY -> {
                if (stmt != null) {
                    if (name.equals("Ntry")) {
                        stmt.entryCount++;
                        entry = new Entry(stmt.path + "/Ntry[" + stmt.entryCount + "]");
                        openContext();
                    } else if (name.equals("Bal")) {
                        stmt.balanceCount++;
                        bal = new Balance(stmt.path + "/Bal[" + stmt.balanceCount + "]");
                        openContext();
                    }
                }
            }
            case DTLS -> {
                if (entry != null && name.equals("NtryDtls")) {
                    entry.detailsCount++;
                    dtls = new Details(entry.path + "/NtryDtls[" + entry.detailsCount + "]");
                    openContext();
                }
            }
            case TX -> {
                if (dtls != null && name.equals("TxDtls")) {
                    dtls.txCount++;
                    entry.txCountTotal++;
                    tx = new Tx(dtls.path + "/TxDtls[" + dtls.txCount + "]");
                    openContext();
                }
            }
            default -> {
            }
        }
    }

    @Override
    void end(int depth, String name, String text) throws IOException {
        if (text != null) {
            leaf(depth, text);
        }
        switch (depth) {
            case STMT -> {
                if (stmt != null && name.equals(reportElement)) {
                    finishStatement();
                    stmt = null;
                } else if (name.equals("GrpHdr")) {
                    inGroupHeader = false;
                }
            }
            case NTRY -> {
                if (entry != null && name.equals("Ntry")) {
                    finishEntry();
                    entry = null;
                } else if (bal != null && name.equals("Bal")) {
                    finishBalance();
                    bal = null;
                }
            }
            case DTLS -> {
                if (dtls != null && name.equals("NtryDtls")) {
                    finishDetails();
                    dtls = null;
                }
            }
            case TX -> {
                if (tx != null && name.equals("TxDtls")) {
                    finishTx();
                    tx = null;
                }
            }
            default -> {
            }
        }
    }

    private void leaf(int depth, String text) {
        if (tx != null && depth > TX) {
            txField(relativePath(TX), text, ccy[depth]);
        } else if (dtls != null && depth > DTLS) {
            detailsField(relativePath(DTLS), text, ccy[depth]);
        } else if (entry != null && depth > NTRY) {
            entryField(relativePath(NTRY), text, ccy[depth]);
        } else if (bal != null && depth > NTRY) {
            balanceField(relativePath(NTRY), text, ccy[depth]);
        } else if (stmt != null && depth > STMT) {
            statementField(relativePath(STMT), text);
        } else if (inGroupHeader && depth == STMT + 1 && names[depth].equals("MsgId")) {
            msgId = text;
        }
    }

    private void statementField(String path, String text) {
        Statement s = stmt;
        switch (path) {
            case "Id" -> s.id = text;
            case "Acct/Id/IBAN" -> s.account = iban(s.path, "Acct/Id/IBAN", text);
            case "Acct/Id/Othr/Id" -> s.account = SensitiveValue.of(SensitiveValue.Kind.ACCOUNT_NUMBER, text);
            case "Acct/Ccy" -> s.accountCurrency = text;
            case "Acct/Ownr/Nm" -> s.ownerName = text;
            case "Acct/Svcr/FinInstnId/BIC", "Acct/Svcr/FinInstnId/BICFI" -> s.servicer = bic(s.path, path, text);
            case "TxsSummry/TtlNtries/NbOfNtries" -> s.summaryCount = count(s.path, path, text);
            case "TxsSummry/TtlNtries/Sum" -> s.summarySum = decimal(s.path, path, text);
            case "TxsSummry/TtlNtries/TtlNetNtryAmt", "TxsSummry/TtlNtries/TtlNetNtry/Amt" ->
                    s.summaryNet = decimal(s.path, path, text);
            case "TxsSummry/TtlNtries/CdtDbtInd", "TxsSummry/TtlNtries/TtlNetNtry/CdtDbtInd" ->
                    s.summaryNetDirection = creditDebit(s.path, path, text);
            case "TxsSummry/TtlCdtNtries/NbOfNtries" -> s.summaryCreditCount = count(s.path, path, text);
            case "TxsSummry/TtlCdtNtries/Sum" -> s.summaryCreditSum = decimal(s.path, path, text);
            case "TxsSummry/TtlDbtNtries/NbOfNtries" -> s.summaryDebitCount = count(s.path, path, text);
            case "TxsSummry/TtlDbtNtries/Sum" -> s.summaryDebitSum = decimal(s.path, path, text);
            default -> {
            }
        }
    }

    private void balanceField(String path, String text, String currency) {
        Balance b = bal;
        switch (path) {
            case "Tp/CdOrPrtry/Cd" -> b.type = text;
            case "Amt" -> b.amount = money(b.path, "Amt", text, currency);
            case "CdtDbtInd" -> b.direction = creditDebit(b.path, path, text);
            case "Dt/Dt", "Dt/DtTm" -> b.date = date(b.path, path, text);
            default -> {
            }
        }
    }

    private void entryField(String path, String text, String currency) {
        Entry e = entry;
        switch (path) {
            case "NtryRef" -> e.entryRef = text;
            case "Amt" -> {
                e.amountSeen = true;
                e.amount = money(e.path, "Amt", text, currency);
            }
            case "CdtDbtInd" -> e.direction = creditDebit(e.path, path, text);
            case "RvslInd" -> e.reversal = text.equals("true") || text.equals("1");
            case "Sts", "Sts/Cd" -> e.status = text;
            case "BookgDt/Dt", "BookgDt/DtTm" -> e.bookingDate = date(e.path, path, text);
            case "ValDt/Dt", "ValDt/DtTm" -> e.valueDate = date(e.path, path, text);
            case "AcctSvcrRef" -> e.servicerRef = text;
            case "BkTxCd/Domn/Cd" -> e.domain = text;
            case "BkTxCd/Domn/Fmly/Cd" -> e.family = text;
            case "BkTxCd/Domn/Fmly/SubFmlyCd" -> e.subFamily = text;
            case "BkTxCd/Prtry/Cd" -> e.proprietaryCode = text;
            case "AddtlNtryInf" -> e.additionalInfo = text;
            default -> {
            }
        }
    }

    private void detailsField(String path, String text, String currency) {
        Details d = dtls;
        switch (path) {
            case "Btch/MsgId" -> d.batchMsgId = text;
            case "Btch/PmtInfId" -> d.batchPmtInfId = text;
            case "Btch/NbOfTxs" -> d.batchCount = count(d.path, path, text);
            case "Btch/TtlAmt" -> d.batchTotal = money(d.path, path, text, currency);
            case "Btch/CdtDbtInd" -> d.batchDirection = creditDebit(d.path, path, text);
            default -> {
            }
        }
    }

    private void txField(String path, String text, String currency) {
        Tx t = tx;
        switch (path) {
            case "Refs/MsgId" -> t.msgId = text;
            case "Refs/AcctSvcrRef" -> t.servicerRef = text;
            case "Refs/PmtInfId" -> t.pmtInfId = text;
            case "Refs/InstrId" -> t.instrId = text;
            case "Refs/EndToEndId" -> t.endToEndId = text;
            case "Refs/UETR" -> t.uetr = text;
            case "Refs/TxId" -> t.txId = text;
            case "Refs/MndtId" -> t.mandateId = text;
            case "Refs/ChqNb" -> t.chequeNumber = text;
            case "Amt" -> t.amount = money(t.path, "Amt", text, currency);
            case "AmtDtls/TxAmt/Amt" -> t.txAmount = money(t.path, path, text, currency);
            case "CdtDbtInd" -> t.direction = creditDebit(t.path, path, text);
            case "BkTxCd/Domn/Cd" -> t.domain = text;
            case "BkTxCd/Domn/Fmly/Cd" -> t.family = text;
            case "BkTxCd/Domn/Fmly/SubFmlyCd" -> t.subFamily = text;
            case "BkTxCd/Prtry/Cd" -> t.proprietaryCode = text;
            case "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm" -> t.debtorName = text;
            case "RltdPties/UltmtDbtr/Nm", "RltdPties/UltmtDbtr/Pty/Nm" -> t.ultimateDebtor = text;
            case "RltdPties/DbtrAcct/Id/IBAN" -> t.debtorAccount = iban(t.path, path, text);
            case "RltdPties/DbtrAcct/Id/Othr/Id" -> t.debtorAccount = SensitiveValue.of(SensitiveValue.Kind.ACCOUNT_NUMBER, text);
            case "RltdPties/Cdtr/Nm", "RltdPties/Cdtr/Pty/Nm" -> t.creditorName = text;
            case "RltdPties/UltmtCdtr/Nm", "RltdPties/UltmtCdtr/Pty/Nm" -> t.ultimateCreditor = text;
            case "RltdPties/CdtrAcct/Id/IBAN" -> t.creditorAccount = iban(t.path, path, text);
            case "RltdPties/CdtrAcct/Id/Othr/Id" -> t.creditorAccount = SensitiveValue.of(SensitiveValue.Kind.ACCOUNT_NUMBER, text);
            case "RltdAgts/DbtrAgt/FinInstnId/BIC", "RltdAgts/DbtrAgt/FinInstnId/BICFI" -> t.debtorAgent = bic(t.path, path, text);
            case "RltdAgts/CdtrAgt/FinInstnId/BIC", "RltdAgts/CdtrAgt/FinInstnId/BICFI" -> t.creditorAgent = bic(t.path, path, text);
            case "RmtInf/Ustrd" -> t.unstructured = join(t.unstructured, text);
            case "RmtInf/Strd/CdtrRefInf/Ref" -> t.creditorReference = text;
            case "AddtlTxInf" -> t.additionalInfo = text;
            case "Purp/Cd" -> t.purpose = text;
            case "RtrInf/Rsn/Cd" -> t.returnReason = text;
            default -> {
            }
        }
    }

    private void finishBalance() {
        Balance b = bal;
        if (b.type == null || b.amount == null || b.direction == null) {
            if (b.amount != null && b.direction == null) {
                error(b.path, "CdtDbtInd", "balance without CdtDbtInd");
            }
            return;
        }
        long signed = b.direction == Direction.CREDIT ? b.amount.minor() : -b.amount.minor();
        String currency = b.amount.currency();
        switch (b.type) {
            // PRCD (closing booked of the previous statement) stands in for OPBD when a bank omits it.
            case "OPBD" -> stmt.opening.put(currency, signed);
            case "PRCD" -> stmt.opening.putIfAbsent(currency, signed);
            case "CLBD" -> stmt.closing.put(currency, signed);
            default -> {
            }
        }
    }

    private void finishTx() throws IOException {
        Tx t = tx;
        Money amount = t.amount != null ? t.amount : t.txAmount;
        Direction direction = t.direction != null ? t.direction : entry.direction;
        if (amount == null) {
            // Only a single TxDtls may borrow the entry amount; decided once the entry ends.
            if (entry.pendingWithoutAmount == null && entry.emittedDetails == 0) {
                entry.pendingWithoutAmount = t;
            } else {
                error(t.path, "Amt", "transaction details of a batch-booked entry must carry their own amount");
                flushPending();
            }
            return;
        }
        flushPending();
        emitDetail(t, amount, direction);
    }

    /** A held TxDtls without amount is followed by another one: it cannot borrow the batch total. */
    private void flushPending() {
        if (entry.pendingWithoutAmount != null) {
            error(entry.pendingWithoutAmount.path, "Amt", "transaction details of a batch-booked entry must carry their own amount");
            entry.pendingWithoutAmount = null;
            entry.detailsSumUnknown = true;
        }
    }

    private void emitDetail(Tx t, Money amount, Direction direction) throws IOException {
        Entry e = entry;
        e.emittedDetails++;
        dtls.emitted++;
        if (direction == null || e.amount == null) {
            e.detailsSumUnknown = true;
        } else if (!amount.currency().equals(e.amount.currency())) {
            e.detailsSumUnknown = true;
            report.warning(t.path, "Amt", "transaction currency differs from the entry currency; entry total not checked");
        } else {
            long signed = direction == e.direction ? amount.minor() : -amount.minor();
            e.detailsNet += signed;
            dtls.net += signed;
        }
        if (direction == null) {
            return;
        }
        emit(t.path, amount, direction, t);
    }

    private void finishDetails() {
        Details d = dtls;
        if (d.batchCount != null && d.txCount > 0 && d.batchCount != d.txCount) {
            error(d.path, "Btch/NbOfTxs", "NbOfTxs is " + d.batchCount + " but the entry details hold " + d.txCount + " TxDtls");
        }
        if (d.batchTotal != null && d.txCount > 0 && d.emitted == d.txCount && !entry.detailsSumUnknown
                && entry.amount != null && d.batchTotal.currency().equals(entry.amount.currency())
                && Math.abs(d.net) != d.batchTotal.minor()) {
            error(d.path, "Btch/TtlAmt", "TtlAmt " + d.batchTotal.decimal().toPlainString() + " does not equal the sum of its TxDtls "
                    + BigDecimal.valueOf(Math.abs(d.net), d.batchTotal.exponent()).toPlainString());
        }
        if (d.batchCount != null && entry.batchCount == null) {
            entry.batchCount = d.batchCount;
        }
        if (entry.batchMsgId == null) {
            entry.batchMsgId = d.batchMsgId;
            entry.batchPmtInfId = d.batchPmtInfId;
        }
    }

    private void finishEntry() throws IOException {
        Entry e = entry;
        Statement s = stmt;
        if (!e.amountSeen) {
            error(e.path, "Amt", "entry amount missing");
        }
        if (e.direction == null) {
            error(e.path, "CdtDbtInd", "entry credit/debit indicator missing or invalid");
        }
        boolean booked = e.status == null || e.status.equals("BOOK");
        if (!booked && format == Format.CAMT_053) {
            report.warning(e.path, "Sts", "entry status " + printable(e.status) + " in a statement; it does not move the booked balance");
        }
        if (e.amount != null && e.direction != null) {
            s.count(e.amount, e.direction, booked);
        }
        if (e.pendingWithoutAmount != null) {
            Tx only = e.pendingWithoutAmount;
            e.pendingWithoutAmount = null;
            if (e.amount != null) {
                Direction direction = only.direction != null ? only.direction : e.direction;
                e.emittedDetails++;
                if (direction != null) {
                    emit(only.path, e.amount, direction, only);
                }
                return;
            }
        }
        if (e.emittedDetails == 0 && e.detailsTxCount() == 0) {
            if (e.amount != null && e.direction != null) {
                if (e.batchCount != null && e.batchCount > 1) {
                    report.warning(e.path, "NtryDtls/Btch/NbOfTxs", "batch-booked entry of " + e.batchCount
                            + " payments has no transaction details; loaded as one transaction of the booked total");
                }
                emit(e.path, e.amount, e.direction, null);
            }
            return;
        }
        if (!e.detailsSumUnknown && e.amount != null && e.direction != null && e.detailsNet != e.amount.minor()) {
            String message = "entry amount " + e.amount.decimal().toPlainString() + " does not equal the net sum of its TxDtls "
                    + BigDecimal.valueOf(e.detailsNet, e.amount.exponent()).toPlainString();
            if (options.lenient(Iso20022Leniency.ENTRY_DETAILS_SUM)) {
                report.warning(e.path, "Amt", message);
            } else {
                error(e.path, "Amt", message);
            }
        }
    }

    private void finishStatement() {
        Statement s = stmt;
        if (s.summaryCount != null && s.summaryCount != s.entryCount) {
            error(s.path, "TxsSummry/TtlNtries/NbOfNtries", "NbOfNtries is " + s.summaryCount + " but the statement holds " + s.entryCount + " entries");
        }
        BigDecimal creditSum = s.total(0);
        BigDecimal debitSum = s.total(1);
        checkSum(s, "TxsSummry/TtlNtries/Sum", s.summarySum, creditSum.add(debitSum));
        if (s.summaryCreditCount != null && s.summaryCreditCount != s.creditCount) {
            error(s.path, "TxsSummry/TtlCdtNtries/NbOfNtries", "NbOfNtries is " + s.summaryCreditCount + " but the statement holds " + s.creditCount + " credit entries");
        }
        checkSum(s, "TxsSummry/TtlCdtNtries/Sum", s.summaryCreditSum, creditSum);
        if (s.summaryDebitCount != null && s.summaryDebitCount != s.debitCount) {
            error(s.path, "TxsSummry/TtlDbtNtries/NbOfNtries", "NbOfNtries is " + s.summaryDebitCount + " but the statement holds " + s.debitCount + " debit entries");
        }
        checkSum(s, "TxsSummry/TtlDbtNtries/Sum", s.summaryDebitSum, debitSum);
        if (s.summaryNet != null) {
            BigDecimal net = creditSum.subtract(debitSum);
            BigDecimal stated = s.summaryNetDirection == Direction.DEBIT ? s.summaryNet.negate() : s.summaryNet;
            if (net.compareTo(stated) != 0) {
                error(s.path, "TxsSummry/TtlNtries/TtlNetNtry", "net entry amount " + stated.toPlainString()
                        + " does not equal credits minus debits " + net.toPlainString());
            }
        }
        if (format == Format.CAMT_053) {
            checkBalances(s);
        }
    }

    private void checkSum(Statement s, String field, BigDecimal stated, BigDecimal actual) {
        if (stated != null && stated.compareTo(actual) != 0) {
            error(s.path, field, "Sum is " + stated.toPlainString() + " but the entries add up to " + actual.toPlainString());
        }
    }

    private void checkBalances(Statement s) {
        if (s.opening.isEmpty() || s.closing.isEmpty()) {
            report.warning(s.path, "Bal", "no opening (OPBD/PRCD) and closing (CLBD) booked balance pair; balance not checked");
            return;
        }
        for (Map.Entry<String, Long> closing : s.closing.entrySet()) {
            String currency = closing.getKey();
            Long opening = s.opening.get(currency);
            if (opening == null) {
                error(s.path, "Bal", "closing balance in " + currency + " has no opening balance in that currency");
                continue;
            }
            long movement = s.bookedNet(currency);
            if (opening + movement != closing.getValue()) {
                int exponent = com.paysaga.formats.MinorUnits.exponent(currency);
                error(s.path, "Bal", "opening balance " + BigDecimal.valueOf(opening, exponent).toPlainString()
                        + " + booked entries " + BigDecimal.valueOf(movement, exponent).toPlainString()
                        + " != closing balance " + BigDecimal.valueOf(closing.getValue(), exponent).toPlainString() + " " + currency);
            }
        }
        for (String currency : s.sums.keySet()) {
            if (!s.closing.containsKey(currency)) {
                error(s.path, "Bal", "entries in " + currency + " but no closing balance (CLBD) in that currency");
            }
        }
    }

    private void emit(String locator, Money amount, Direction direction, Tx t) throws IOException {
        Entry e = entry;
        Statement s = stmt;
        boolean credit = direction == Direction.CREDIT;
        // The statement account is the creditor of what it receives and the debtor of what it pays.
        String debtorName = t != null && t.debtorName != null ? t.debtorName : credit ? null : s.ownerName;
        SensitiveValue debtorAccount = t != null && t.debtorAccount != null ? t.debtorAccount : credit ? null : s.account;
        String debtorAgent = t != null && t.debtorAgent != null ? t.debtorAgent : credit ? null : s.servicer;
        String creditorName = t != null && t.creditorName != null ? t.creditorName : credit ? s.ownerName : null;
        SensitiveValue creditorAccount = t != null && t.creditorAccount != null ? t.creditorAccount : credit ? s.account : null;
        String creditorAgent = t != null && t.creditorAgent != null ? t.creditorAgent : credit ? s.servicer : null;

        Attributes attributes = this.attributes.clear();
        attributes.put("msgId", msgId);
        attributes.put("statementId", s.id);
        attributes.put("entryRef", e.entryRef);
        attributes.put("entryStatus", e.status);
        attributes.put("reversal", e.reversal ? "true" : null);
        String domain = t != null && t.domain != null ? t.domain : e.domain;
        String family = t != null && t.domain != null ? t.family : e.family;
        String subFamily = t != null && t.domain != null ? t.subFamily : e.subFamily;
        attributes.put("bankTransactionCode", domain == null ? null : domain + "/" + family + "/" + subFamily);
        attributes.put("proprietaryBankTransactionCode", t != null && t.proprietaryCode != null ? t.proprietaryCode : e.proprietaryCode);
        // Btch precedes the TxDtls of its NtryDtls, so a detail sees its own batch; an entry without details sees the entry's.
        Details d = dtls;
        attributes.put("batchMsgId", d != null ? d.batchMsgId : e.batchMsgId);
        attributes.put("batchPmtInfId", d != null ? d.batchPmtInfId : e.batchPmtInfId);
        Long batchCount = d != null ? d.batchCount : e.batchCount;
        attributes.put("batchNbOfTxs", batchCount == null ? null : Long.toString(batchCount));
        String remittance = null;
        if (t != null) {
            attributes.put("instrId", t.instrId);
            attributes.put("txId", t.txId);
            attributes.put("pmtInfId", t.pmtInfId);
            attributes.put("mandateId", t.mandateId);
            attributes.put("chequeNumber", t.chequeNumber);
            attributes.put("ultimateDebtor", t.ultimateDebtor);
            attributes.put("ultimateCreditor", t.ultimateCreditor);
            attributes.put("creditorReference", t.creditorReference);
            attributes.put("purpose", t.purpose);
            attributes.put("returnReason", t.returnReason);
            attributes.put("additionalInfo", t.additionalInfo);
            remittance = t.unstructured != null ? t.unstructured : t.creditorReference != null ? t.creditorReference : t.additionalInfo;
        } else {
            remittance = e.additionalInfo;
        }
        String reference = t != null && t.servicerRef != null ? t.servicerRef : e.servicerRef;
        Transaction transaction = new Transaction(
                ids.of(locator), options.fileId(), ++seq, locator, format.name(),
                messageName, direction, amount.minor(), amount.currency(),
                e.valueDate, e.bookingDate,
                debtorName, debtorAccount, debtorAgent, creditorName, creditorAccount, creditorAgent,
                reference, t == null ? null : t.endToEndId, t == null ? null : t.uetr, remittance, attributes.build());
        sink.accept(transaction);
        report.countTransaction(direction, amount.currency(), amount.minor());
    }

    @Override
    void finish() {
        if (messageId == null) {
            error("/", "", "no Document element");
        } else if (statementCount == 0) {
            error(messagePath == null ? "/Document" : messagePath, reportElement,
                    "message holds no " + reportElement + " element");
        }
    }

    private static final class Statement {
        final int index;
        final String path;
        String id;
        SensitiveValue account;
        String accountCurrency;
        String ownerName;
        String servicer;
        int balanceCount;
        int entryCount;
        long creditCount;
        long debitCount;
        /** Per currency: credit sum, debit sum and booked net, in minor units; decimals only at the end. */
        final Map<String, long[]> sums = new TreeMap<>();
        final Map<String, Long> opening = new HashMap<>();
        final Map<String, Long> closing = new TreeMap<>();
        Long summaryCount;
        BigDecimal summarySum;
        BigDecimal summaryNet;
        Direction summaryNetDirection;
        Long summaryCreditCount;
        BigDecimal summaryCreditSum;
        Long summaryDebitCount;
        BigDecimal summaryDebitSum;

        Statement(int index, String path) {
            this.index = index;
            this.path = path;
        }

        void count(Money amount, Direction direction, boolean booked) {
            long[] sum = sums.get(amount.currency());
            if (sum == null) {
                sum = new long[] {0, 0, 0, amount.exponent()};
                sums.put(amount.currency(), sum);
            }
            if (direction == Direction.CREDIT) {
                creditCount++;
                sum[0] = Math.addExact(sum[0], amount.minor());
            } else {
                debitCount++;
                sum[1] = Math.addExact(sum[1], amount.minor());
            }
            if (booked) {
                sum[2] = Math.addExact(sum[2], direction == Direction.CREDIT ? amount.minor() : -amount.minor());
            }
        }

        /** TxsSummry sums are plain decimals across currencies, as the MDR defines them. */
        BigDecimal total(int index) {
            BigDecimal total = BigDecimal.ZERO;
            for (long[] sum : sums.values()) {
                total = total.add(BigDecimal.valueOf(sum[index], (int) sum[3]));
            }
            return total;
        }

        long bookedNet(String currency) {
            long[] sum = sums.get(currency);
            return sum == null ? 0 : sum[2];
        }
    }

    private static final class Balance {
        final String path;
        String type;
        Money amount;
        Direction direction;
        LocalDate date;

        Balance(String path) {
            this.path = path;
        }
    }

    private static final class Entry {
        final String path;
        boolean amountSeen;
        Money amount;
        Direction direction;
        boolean reversal;
        String status;
        LocalDate bookingDate;
        LocalDate valueDate;
        String entryRef;
        String servicerRef;
        String domain;
        String family;
        String subFamily;
        String proprietaryCode;
        String additionalInfo;
        int detailsCount;
        int txCountTotal;
        int emittedDetails;
        long detailsNet;
        boolean detailsSumUnknown;
        Long batchCount;
        String batchMsgId;
        String batchPmtInfId;
        Tx pendingWithoutAmount;

        Entry(String path) {
            this.path = path;
        }

        int detailsTxCount() {
            return txCountTotal;
        }
    }

    private static final class Details {
        final String path;
        int txCount;
        int emitted;
        long net;
        Long batchCount;
        Money batchTotal;
        Direction batchDirection;
        String batchMsgId;
        String batchPmtInfId;

        Details(String path) {
            this.path = path;
        }
    }

    private static final class Tx {
        final String path;
        String msgId;
        String servicerRef;
        String pmtInfId;
        String instrId;
        String endToEndId;
        String uetr;
        String txId;
        String mandateId;
        String chequeNumber;
        Money amount;
        Money txAmount;
        Direction direction;
        String domain;
        String family;
        String subFamily;
        String proprietaryCode;
        String debtorName;
        String ultimateDebtor;
        SensitiveValue debtorAccount;
        String creditorName;
        String ultimateCreditor;
        SensitiveValue creditorAccount;
        String debtorAgent;
        String creditorAgent;
        String unstructured;
        String creditorReference;
        String additionalInfo;
        String purpose;
        String returnReason;

        Tx(String path) {
            this.path = path;
        }
    }
}

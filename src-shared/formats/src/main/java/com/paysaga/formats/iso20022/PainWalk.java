package com.paysaga.formats.iso20022;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamReader;

import com.paysaga.formats.domain.Direction;
import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.formats.domain.Transaction;
import com.paysaga.formats.Format;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;

/**
 * pain.001 CustomerCreditTransferInitiation: one DEBIT transaction of the debtor account per
 * {@code CdtTrfTxInf}, with the debtor, its account and agent, the requested execution date and
 * the payment type of the enclosing {@code PmtInf}. The schema orders every PmtInf field before
 * the first CdtTrfTxInf, so each transaction is complete when its element closes.
 *
 * <p>Checks: GrpHdr and PmtInf {@code NbOfTxs} and {@code CtrlSum} (the sum of all instructed
 * amounts whatever their currency, as the MDR defines it), amounts positive and within the
 * currency's decimals, IBAN check digits, BIC form, UETR form.
 */
final class PainWalk extends XmlWalk {

    /** .03 (2009, still the SEPA baseline), .09 (2019) and .11 (2023) differ in BIC/BICFI, ReqdExctnDt and UETR only. */
    static final Set<Integer> VERSIONS = Set.of(3, 9, 11);

    private static final Pattern UETR = Pattern.compile("[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}");
    private static final int PMTINF = 3;
    private static final int TX = 4;

    private MessageId messageId;
    private String messageName;
    private final String root = "/Document/CstmrCdtTrfInitn";
    private boolean inGroupHeader;
    private String msgId;
    private String initiatingParty;
    private Long groupCount;
    private BigDecimal groupControlSum;
    private long totalCount;
    private BigDecimal totalSum = BigDecimal.ZERO;
    private int pmtInfCount;
    private PmtInf pmtInf;
    private Tx tx;

    PainWalk(ValidationReport report, ParseOptions options, TransactionSink sink) {
        super(report, options, sink);
    }

    @Override
    String location() {
        if (tx != null) {
            return tx.path;
        }
        if (pmtInf != null) {
            return pmtInf.path;
        }
        return messageId == null ? "/" : inGroupHeader ? root + "/GrpHdr" : root;
    }

    @Override
    void start(int depth, String name, XMLStreamReader reader) {
        switch (depth) {
            case 1 -> {
                if (!name.equals("Document")) {
                    error("/" + name, "", "root element must be Document, not an ISO 20022 pain.001 message");
                    throw new Stop();
                }
                messageId = MessageId.fromNamespace(reader.getNamespaceURI());
                messageName = messageId == null ? null : messageId.toString();
                if (messageId == null || !messageId.message().equals("pain.001")) {
                    error("/Document", "xmlns", "namespace is not an ISO 20022 pain.001 message");
                    throw new Stop();
                }
                if (!messageId.supported(VERSIONS)) {
                    error("/Document", "xmlns", "unsupported message version " + messageId
                            + " (supported: pain.001.001.03, .09, .11)");
                    throw new Stop();
                }
            }
            case 2 -> {
                if (!name.equals("CstmrCdtTrfInitn")) {
                    error("/Document/" + name, "", "expected CstmrCdtTrfInitn under Document");
                    throw new Stop();
                }
            }
            case PMTINF -> {
                if (name.equals("GrpHdr")) {
                    inGroupHeader = true;
                } else if (name.equals("PmtInf")) {
                    pmtInf = new PmtInf(root + "/PmtInf[" + ++pmtInfCount + "]");
                }
            }
            case TX -> {
                if (pmtInf != null && name.equals("CdtTrfTxInf")) {
                    pmtInf.txCount++;
                    tx = new Tx(pmtInf.path + "/CdtTrfTxInf[" + pmtInf.txCount + "]");
                }
            }
            default -> {
            }
        }
    }

    @Override
    void end(int depth, String name, String text) throws IOException {
        if (text != null) {
            if (tx != null && depth > TX) {
                txField(relativePath(TX), text, ccy[depth]);
            } else if (pmtInf != null && depth > PMTINF) {
                pmtInfField(relativePath(PMTINF), text);
            } else if (inGroupHeader && depth > PMTINF) {
                groupField(relativePath(PMTINF), text);
            }
        }
        if (depth == TX && tx != null && name.equals("CdtTrfTxInf")) {
            finishTx();
            tx = null;
        } else if (depth == PMTINF) {
            if (pmtInf != null && name.equals("PmtInf")) {
                finishPmtInf();
                pmtInf = null;
            } else if (name.equals("GrpHdr")) {
                inGroupHeader = false;
                if (groupCount == null) {
                    error(root + "/GrpHdr", "NbOfTxs", "NbOfTxs missing");
                }
            }
        }
    }

    private void groupField(String path, String text) {
        String where = root + "/GrpHdr";
        switch (path) {
            case "MsgId" -> msgId = text;
            case "NbOfTxs" -> groupCount = count(where, path, text);
            case "CtrlSum" -> groupControlSum = decimal(where, path, text);
            case "InitgPty/Nm" -> initiatingParty = text;
            default -> {
            }
        }
    }

    private void pmtInfField(String path, String text) {
        PmtInf p = pmtInf;
        switch (path) {
            case "PmtInfId" -> p.id = text;
            case "PmtMtd" -> p.method = text;
            case "BtchBookg" -> p.batchBooking = text;
            case "NbOfTxs" -> p.statedCount = count(p.path, path, text);
            case "CtrlSum" -> p.statedSum = decimal(p.path, path, text);
            case "PmtTpInf/SvcLvl/Cd" -> p.serviceLevel = text;
            case "PmtTpInf/LclInstrm/Cd", "PmtTpInf/LclInstrm/Prtry" -> p.localInstrument = text;
            case "PmtTpInf/CtgyPurp/Cd" -> p.categoryPurpose = text;
            case "ReqdExctnDt", "ReqdExctnDt/Dt", "ReqdExctnDt/DtTm" -> {
                p.executionDateSeen = true;
                p.executionDate = date(p.path, path, text);
            }
            case "Dbtr/Nm" -> p.debtorName = text;
            case "DbtrAcct/Id/IBAN" -> p.debtorAccount = iban(p.path, path, text);
            case "DbtrAcct/Id/Othr/Id" -> p.debtorAccount = SensitiveValue.of(SensitiveValue.Kind.ACCOUNT_NUMBER, text);
            case "DbtrAgt/FinInstnId/BIC", "DbtrAgt/FinInstnId/BICFI" -> p.debtorAgent = bic(p.path, path, text);
            case "DbtrAgt/FinInstnId/ClrSysMmbId/MmbId" -> {
                if (p.debtorAgent == null) {
                    p.debtorAgent = text;
                }
            }
            case "UltmtDbtr/Nm" -> p.ultimateDebtor = text;
            case "ChrgBr" -> p.chargeBearer = text;
            default -> {
            }
        }
    }

    private void txField(String path, String text, String currency) {
        Tx t = tx;
        switch (path) {
            case "PmtId/InstrId" -> t.instrId = text;
            case "PmtId/EndToEndId" -> t.endToEndId = text;
            case "PmtId/UETR" -> {
                if (!UETR.matcher(text).matches()) {
                    error(t.path, path, "UETR is not a lowercase UUID version 4 (RFC 4122)");
                }
                t.uetr = text;
            }
            case "Amt/InstdAmt", "Amt/EqvtAmt/Amt" -> {
                t.amountSeen = true;
                t.amount = money(t.path, path, text, currency);
            }
            case "Amt/EqvtAmt/CcyOfTrf" -> t.currencyOfTransfer = text;
            case "ChrgBr" -> t.chargeBearer = text;
            case "CdtrAgt/FinInstnId/BIC", "CdtrAgt/FinInstnId/BICFI" -> t.creditorAgent = bic(t.path, path, text);
            case "CdtrAgt/FinInstnId/ClrSysMmbId/MmbId" -> {
                if (t.creditorAgent == null) {
                    t.creditorAgent = text;
                }
            }
            case "Cdtr/Nm" -> t.creditorName = text;
            case "CdtrAcct/Id/IBAN" -> t.creditorAccount = iban(t.path, path, text);
            case "CdtrAcct/Id/Othr/Id" -> t.creditorAccount = SensitiveValue.of(SensitiveValue.Kind.ACCOUNT_NUMBER, text);
            case "UltmtCdtr/Nm" -> t.ultimateCreditor = text;
            case "Purp/Cd" -> t.purpose = text;
            case "RmtInf/Ustrd" -> t.unstructured = join(t.unstructured, text);
            case "RmtInf/Strd/CdtrRefInf/Ref" -> t.creditorReference = text;
            default -> {
            }
        }
    }

    private void finishTx() throws IOException {
        Tx t = tx;
        PmtInf p = pmtInf;
        totalCount++;
        if (t.endToEndId == null) {
            error(t.path, "PmtId/EndToEndId", "EndToEndId missing");
        }
        if (!t.amountSeen) {
            error(t.path, "Amt", "amount missing (InstdAmt or EqvtAmt)");
        }
        if (t.amount == null) {
            return;
        }
        p.sum = p.sum.add(t.amount.decimal());
        totalSum = totalSum.add(t.amount.decimal());
        if (t.amount.minor() == 0) {
            error(t.path, "Amt", "amount must be greater than zero");
            return;
        }
        Attributes attributes = this.attributes.clear();
        attributes.put("msgId", msgId);
        attributes.put("initiatingParty", initiatingParty);
        attributes.put("pmtInfId", p.id);
        attributes.put("paymentMethod", p.method);
        attributes.put("batchBooking", p.batchBooking);
        attributes.put("serviceLevel", p.serviceLevel);
        attributes.put("localInstrument", p.localInstrument);
        attributes.put("categoryPurpose", p.categoryPurpose);
        attributes.put("chargeBearer", t.chargeBearer != null ? t.chargeBearer : p.chargeBearer);
        attributes.put("instrId", t.instrId);
        attributes.put("currencyOfTransfer", t.currencyOfTransfer);
        attributes.put("ultimateDebtor", p.ultimateDebtor);
        attributes.put("ultimateCreditor", t.ultimateCreditor);
        attributes.put("purpose", t.purpose);
        attributes.put("creditorReference", t.creditorReference);
        String remittance = t.unstructured != null ? t.unstructured : t.creditorReference;
        Transaction transaction = new Transaction(
                ids.of(t.path), options.fileId(), ++seq, t.path, Format.PAIN_001.name(),
                messageName, Direction.DEBIT, t.amount.minor(), t.amount.currency(),
                p.executionDate, null,
                p.debtorName, p.debtorAccount, p.debtorAgent, t.creditorName, t.creditorAccount, t.creditorAgent,
                t.instrId, t.endToEndId, t.uetr, remittance, attributes.build());
        sink.accept(transaction);
        report.countTransaction(Direction.DEBIT, t.amount.currency(), t.amount.minor());
    }

    private void finishPmtInf() {
        PmtInf p = pmtInf;
        if (p.debtorAccount == null) {
            error(p.path, "DbtrAcct", "debtor account missing");
        }
        if (p.executionDate == null && !p.executionDateSeen) {
            error(p.path, "ReqdExctnDt", "requested execution date missing");
        }
        if (p.statedCount != null && p.statedCount != p.txCount) {
            error(p.path, "NbOfTxs", "NbOfTxs is " + p.statedCount + " but the payment information holds " + p.txCount + " CdtTrfTxInf");
        }
        if (p.statedSum != null && p.statedSum.compareTo(p.sum) != 0) {
            error(p.path, "CtrlSum", "CtrlSum is " + p.statedSum.toPlainString() + " but the amounts add up to " + p.sum.toPlainString());
        }
        if (p.txCount == 0) {
            error(p.path, "CdtTrfTxInf", "payment information without any CdtTrfTxInf");
        }
    }

    @Override
    void finish() {
        if (messageId == null) {
            error("/", "", "no Document element");
            return;
        }
        String where = root + "/GrpHdr";
        if (groupCount != null && groupCount != totalCount) {
            error(where, "NbOfTxs", "NbOfTxs is " + groupCount + " but the message holds " + totalCount + " CdtTrfTxInf");
        }
        if (groupControlSum != null && groupControlSum.compareTo(totalSum) != 0) {
            error(where, "CtrlSum", "CtrlSum is " + groupControlSum.toPlainString() + " but the amounts add up to " + totalSum.toPlainString());
        }
        if (pmtInfCount == 0) {
            error(root, "PmtInf", "message holds no PmtInf");
        }
    }

    private static final class PmtInf {
        final String path;
        String id;
        String method;
        String batchBooking;
        Long statedCount;
        BigDecimal statedSum;
        int txCount;
        BigDecimal sum = BigDecimal.ZERO;
        String serviceLevel;
        String localInstrument;
        String categoryPurpose;
        boolean executionDateSeen;
        LocalDate executionDate;
        String debtorName;
        SensitiveValue debtorAccount;
        String debtorAgent;
        String ultimateDebtor;
        String chargeBearer;

        PmtInf(String path) {
            this.path = path;
        }
    }

    private static final class Tx {
        final String path;
        String instrId;
        String endToEndId;
        String uetr;
        boolean amountSeen;
        XmlWalk.Money amount;
        String currencyOfTransfer;
        String chargeBearer;
        String creditorAgent;
        String creditorName;
        SensitiveValue creditorAccount;
        String ultimateCreditor;
        String purpose;
        String unstructured;
        String creditorReference;

        Tx(String path) {
            this.path = path;
        }
    }
}

package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.is;
import static com.paysaga.formats.ach.NachaFields.raw;
import static com.paysaga.formats.ach.NachaFields.text;
import static com.paysaga.formats.ach.NachaIssues.printable;

/**
 * The IAT addenda (Operating Rules, Appendix Three, IAT addenda record formats): the
 * seven mandatory ones in order — 10 transaction type, foreign payment amount and receiver
 * name; 11 and 12 originator name and address; 13 originating bank; 14 receiving bank; 15 and
 * 16 receiver identification and address — then up to two 17 (remittance) and up to five 18
 * (foreign correspondent banks), each numbered by its Addenda Sequence Number.
 */
final class IatAddenda {

    private final NachaIssues issues;

    IatAddenda(NachaIssues issues) {
        this.issues = issues;
    }

    void read(byte[] r, PendingEntry e, int type) {
        if (type == 17 || type == 18) {
            optional(r, e, type);
            return;
        }
        if (type != e.iatNext) {
            issues.error("Addenda Type Code", "IAT addenda " + type + " out of order: expected "
                    + (e.iatNext <= 16 ? "addenda " + e.iatNext : "17, 18 or none"));
        }
        e.iatNext = Math.max(e.iatNext, type + 1);
        AddendaRecord.entryDetailSequence(r, e, issues);
        switch (type) {
            case 10 -> {
                e.iatTypeCode = text(r, 4, 3);
                if (e.iatTypeCode == null) {
                    issues.error("Transaction Type Code", "is blank");
                }
                e.foreignPaymentAmount = NachaFields.digitsOrBlank(r, 7, 18);
                if (e.foreignPaymentAmount < 0) {
                    issues.error("Foreign Payment Amount", "must be numeric");
                }
                e.foreignTrace = text(r, 25, 22);
                e.receiverName = text(r, 47, 35);
                if (e.receiverName == null) {
                    issues.error("Receiving Company Name/Individual Name", "is blank");
                }
            }
            case 11 -> {
                e.originatorName = text(r, 4, 35);
                if (e.originatorName == null) {
                    issues.error("Originator Name", "is blank");
                }
                e.originatorAddress = text(r, 39, 35);
            }
            case 12 -> e.originatorAddress = join(e.originatorAddress, text(r, 4, 35), text(r, 39, 35));
            case 13 -> {
                e.odfiName = text(r, 4, 35);
                e.odfiId = text(r, 41, 34);
                e.odfiCountry = text(r, 75, 3);
                qualifier(r, "Originating DFI Identification Number Qualifier");
            }
            case 14 -> {
                e.rdfiName = text(r, 4, 35);
                e.rdfiId = text(r, 41, 34);
                e.rdfiCountry = text(r, 75, 3);
                qualifier(r, "Receiving DFI Identification Number Qualifier");
            }
            case 15 -> {
                e.receiverIdNumber = text(r, 4, 15);
                e.receiverAddress = text(r, 19, 35);
            }
            case 16 -> e.receiverAddress = join(e.receiverAddress, text(r, 4, 35), text(r, 39, 35));
            default -> throw new IllegalArgumentException("not a mandatory IAT addenda type: " + type);
        }
    }

    /** Addenda 17 (at most two) and 18 (at most five), after the mandatory seven; 17 before 18. */
    private void optional(byte[] r, PendingEntry e, int type) {
        if (e.iatNext < 17) {
            issues.error("Addenda Type Code", "IAT addenda " + type + " before the mandatory addenda " + e.iatNext);
        }
        int seq = type == 17 ? ++e.count17 : ++e.count18;
        int max = type == 17 ? 2 : 5;
        if (seq > max) {
            issues.error("Addenda Type Code", "an IAT entry carries at most " + max + " addenda " + type);
            return;
        }
        if (type == 18) {
            e.iatNext = 19;
        } else if (e.iatNext > 17) {
            issues.error("Addenda Type Code", "IAT addenda 17 after addenda 18");
        } else {
            e.iatNext = 17;
        }
        if (digits(r, 84, 4) != seq) {
            issues.error("Addenda Sequence Number", "is " + printable(raw(r, 84, 4)) + ", expected " + seq);
        }
        AddendaRecord.entryDetailSequence(r, e, issues);
        if (type == 17) {
            AddendaRecord.appendText(e.remittance, text(r, 4, 80));
        } else {
            String bank = join(text(r, 4, 35), text(r, 41, 34), text(r, 75, 3));
            if (bank != null) {
                if (!e.correspondents.isEmpty()) {
                    e.correspondents.append("; ");
                }
                e.correspondents.append(bank);
            }
        }
    }

    private void qualifier(byte[] r, String field) {
        if (!is(r, 39, "01") && !is(r, 39, "02") && !is(r, 39, "03")) {
            issues.error(field, "must be 01 (national clearing system), 02 (BIC) or 03 (IBAN)");
        }
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null) {
                if (!b.isEmpty()) {
                    b.append(", ");
                }
                b.append(p);
            }
        }
        return b.isEmpty() ? null : b.toString();
    }
}

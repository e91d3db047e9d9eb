package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.blank;
import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.raw;
import static com.paysaga.formats.ach.NachaFields.text;
import static com.paysaga.formats.ach.NachaFields.yymmdd;
import static com.paysaga.formats.ach.NachaIssues.printable;

import com.paysaga.formats.ach.PendingEntry.Category;

/**
 * The addenda that turn an entry into a notification of change (98: 4–6 Change Code, 7–21
 * Original Entry Trace Number, 28–35 Original Receiving DFI Identification, 36–64 Corrected
 * Data) or a return (99: 4–6 Return Reason Code, 7–21 Original Entry Trace Number, 22–27 Date of
 * Death, 28–35 Original Receiving DFI Identification, 36–79 Addenda Information). At most one
 * of them per entry. Account numbers in corrected data are masked here, before anything keeps them.
 */
final class ReturnAddenda {

    private final NachaIssues issues;

    ReturnAddenda(NachaIssues issues) {
        this.issues = issues;
    }

    void addenda98(byte[] r, PendingEntry e) {
        if (e.sec != SecCode.COR) {
            issues.error("Addenda Type Code", "addenda 98 (notification of change) belongs in a COR batch");
        }
        if (!firstSpecial(e, Category.NOC)) {
            return;
        }
        String change = raw(r, 4, 3);
        if (change.charAt(0) != 'C' || digits(r, 5, 2) < 0) {
            issues.error("Change Code", "must be C followed by two digits");
        }
        e.reasonCode = printable(change);
        original(r, e);
        e.correctedData = maskCorrectedData(change, raw(r, 36, 29));
        AddendaRecord.addendaTrace(r, e, issues);
    }

    void addenda99(byte[] r, PendingEntry e) {
        if (e.sec == SecCode.COR || e.sec == SecCode.ADV) {
            issues.error("Addenda Type Code", "returns (addenda 99) cannot be in a " + e.sec + " batch");
        }
        if (!firstSpecial(e, Category.RETURN)) {
            return;
        }
        String reason = raw(r, 4, 3);
        if (reason.charAt(0) != 'R' || digits(r, 5, 2) < 0) {
            issues.error("Return Reason Code", "must be R followed by two digits");
        }
        e.reasonCode = printable(reason);
        original(r, e);
        if (!blank(r, 22, 6)) {
            e.dateOfDeath = yymmdd(r, 22);
            if (e.dateOfDeath == null) {
                issues.error("Date of Death", "must be blank or a valid YYMMDD date");
            }
        }
        e.returnInformation = text(r, 36, 44);
        AddendaRecord.addendaTrace(r, e, issues);
    }

    private boolean firstSpecial(PendingEntry e, Category category) {
        if (e.category != Category.FORWARD) {
            issues.error("Addenda Type Code", "only one addenda 98/99 per entry");
            return false;
        }
        e.category = category;
        return true;
    }

    /** 7–21 Original Entry Trace Number and 28–35 Original Receiving DFI Identification, in both. */
    private void original(byte[] r, PendingEntry e) {
        if (digits(r, 7, 15) < 0) {
            issues.error("Original Entry Trace Number", "must be 15 digits");
        }
        e.originalTrace = text(r, 7, 15);
        long originalRdfi = digits(r, 28, 8);
        if (originalRdfi < 0) {
            issues.error("Original Receiving DFI Identification", "must be 8 digits");
        }
        e.originalRdfi = text(r, 28, 8);
    }

    /**
     * NOC corrected data (addenda 98 positions 36–64) for change codes that carry an account
     * number: C01 account; C03 routing(9) + 3 blanks + account; C06 account + 3 blanks + code;
     * C07 routing(9) + account(17) + code. The account part keeps its last four only; codes
     * with other sensitive identifiers (C09 individual id) are masked whole.
     */
    static String maskCorrectedData(String changeCode, String data) {
        String d = data.stripTrailing();
        return switch (changeCode) {
            case "C01" -> maskedOrNull(d.strip());
            case "C03" -> d.length() <= 12 ? d.strip() : d.substring(0, 9) + " " + maskedOrNull(d.substring(12).strip());
            case "C06" -> {
                String account = d.length() >= 17 ? d.substring(0, 17) : d;
                String rest = d.length() > 20 ? d.substring(20).strip() : "";
                yield maskedOrNull(account.strip()) + (rest.isEmpty() ? "" : " " + rest);
            }
            case "C07" -> {
                String routing = d.length() >= 9 ? d.substring(0, 9) : d;
                String account = d.length() > 9 ? d.substring(9, Math.min(26, d.length())).strip() : "";
                String rest = d.length() > 26 ? d.substring(26).strip() : "";
                yield routing + " " + maskedOrNull(account) + (rest.isEmpty() ? "" : " " + rest);
            }
            case "C09" -> maskedOrNull(d.strip());
            default -> d.strip().isEmpty() ? null : d.strip();
        };
    }

    static String maskedOrNull(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "****" + (value.length() <= 4 ? value : value.substring(value.length() - 4));
    }
}

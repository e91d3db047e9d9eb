package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.blank;
import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.raw;
import static com.paysaga.formats.ach.NachaFields.text;
import static com.paysaga.formats.ach.NachaFields.yymmdd;
import static com.paysaga.formats.ach.NachaIssues.printable;

import java.time.LocalDate;

import com.paysaga.formats.ach.PendingEntry.Category;

/**
 * The addenda that turn an entry into a notification of change or a return (Operating Rules,
 * Appendix Three, record formats; the codes are Appendix Four's and Five's), at most one per
 * entry, each in the layout its code selects:
 * <ul>
 *   <li>98, change codes C01–C14: 4–6 Change Code, 7–21 Original Entry Trace Number, 28–35
 *       Original Receiving DFI Identification, 36–64 Corrected Data;</li>
 *   <li>98, refused NOC codes C61–C69: the same, plus 65–67 the refused Change Code and 68–74
 *       the Trace Sequence Number;</li>
 *   <li>99, return reason codes: 4–6 Return Reason Code, 7–21 Original Entry Trace Number,
 *       22–27 Date of Death, 28–35 Original Receiving DFI Identification, 36–79 Addenda
 *       Information;</li>
 *   <li>99, dishonored returns (R61, R62, R67–R70): 39–53 Return Trace Number, 54–56 Return
 *       Settlement Date, 57–58 Return Reason Code, 59–79 Addenda Information;</li>
 *   <li>99, contested dishonored returns (R71–R77): 22–27 Date Original Entry Returned, 36–38
 *       Original Settlement Date, 39–53 Return Trace Number, 54–56 Return Settlement Date, 57–58
 *       Return Reason Code, 59–73 Dishonored Return Trace Number, 74–76 Dishonored Return
 *       Settlement Date, 77–78 Dishonored Return Reason Code.</li>
 * </ul>
 * Account numbers in corrected data are masked here, before anything keeps them.
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
        issues.upperCase(r, 4, 3, "Change Code");
        String change = raw(r, 4, 3);
        int number = code(r, 'C', "Change Code");
        boolean refused = number >= 61 && number <= 69;
        if (number >= 0 && !refused && (number < 1 || number > 14)) {
            issues.lenient(NachaLeniency.CUSTOM_REASON_CODES, "Change Code", change
                    + " is not a change code of the Rules (C01-C14, refused C61-C69)");
        }
        e.reasonCode = printable(change);
        original(r, e);
        if (refused) {
            issues.upperCase(r, 65, 3, "Change Code");
            e.extra(AchAttributes.ORIGINAL_CHANGE_CODE, text(r, 65, 3));
            if (digits(r, 68, 7) < 0) {
                issues.error("Trace Sequence Number", "must be 7 digits");
            }
            e.extra(AchAttributes.TRACE_SEQUENCE_NUMBER, text(r, 68, 7));
            e.correctedData = maskCorrectedData(raw(r, 65, 3), raw(r, 36, 29));
        } else {
            e.correctedData = maskCorrectedData(change, raw(r, 36, 29));
        }
        AddendaRecord.addendaTrace(r, e, issues);
    }

    void addenda99(byte[] r, PendingEntry e) {
        if (e.sec == SecCode.COR || e.sec == SecCode.ADV) {
            issues.error("Addenda Type Code", "returns (addenda 99) cannot be in a " + e.sec + " batch");
        }
        issues.upperCase(r, 4, 3, "Return Reason Code");
        int number = code(r, 'R', "Return Reason Code");
        Category category = number == 61 || number == 62 || (number >= 67 && number <= 70) ? Category.DISHONORED_RETURN
                : number >= 71 && number <= 77 ? Category.CONTESTED_RETURN : Category.RETURN;
        if (!firstSpecial(e, category)) {
            return;
        }
        if (number >= 0 && category == Category.RETURN && !returnReason(number)) {
            issues.lenient(NachaLeniency.CUSTOM_REASON_CODES, "Return Reason Code", raw(r, 4, 3)
                    + " is not a return reason code of the Rules (R01-R47, R50-R53, R80-R85; dishonored R61, R62,"
                    + " R67-R70; contested R71-R77)");
        }
        e.reasonCode = printable(raw(r, 4, 3));
        original(r, e);
        switch (category) {
            case DISHONORED_RETURN -> {
                answeredReturn(r, e);
                e.returnInformation = text(r, 59, 21);
            }
            case CONTESTED_RETURN -> {
                if (!blank(r, 22, 6)) {
                    LocalDate returned = yymmdd(r, 22);
                    if (returned == null) {
                        issues.error("Date Original Entry Returned", "must be a valid YYMMDD date");
                    } else {
                        e.extra(AchAttributes.DATE_ORIGINAL_ENTRY_RETURNED, returned.toString());
                    }
                }
                e.extra(AchAttributes.ORIGINAL_SETTLEMENT_DAY, julian(r, 36, "Original Settlement Date"));
                answeredReturn(r, e);
                if (digits(r, 59, 15) < 0) {
                    issues.error("Dishonored Return Trace Number", "must be 15 digits");
                }
                e.extra(AchAttributes.DISHONORED_RETURN_TRACE, text(r, 59, 15));
                e.extra(AchAttributes.DISHONORED_RETURN_SETTLEMENT_DAY, julian(r, 74, "Dishonored Return Settlement Date"));
                e.extra(AchAttributes.DISHONORED_RETURN_REASON_CODE, reasonDigits(r, 77, "Dishonored Return Reason Code"));
            }
            default -> {
                if (!blank(r, 22, 6)) {
                    e.dateOfDeath = yymmdd(r, 22);
                    if (e.dateOfDeath == null) {
                        issues.error("Date of Death", "must be blank or a valid YYMMDD date");
                    }
                }
                e.returnInformation = text(r, 36, 44);
            }
        }
        AddendaRecord.addendaTrace(r, e, issues);
    }

    /** The letter and two digits of a change or return reason code; the number, or -1 after an error. */
    private int code(byte[] r, char letter, String field) {
        long number = digits(r, 5, 2);
        if (r[3] != letter || number < 0) {
            issues.error(field, "must be " + letter + " followed by two digits");
            return -1;
        }
        return (int) number;
    }

    /** Appendix Four's return reason codes for RDFIs and ACH Operators (R48, R49, R54-R60 are not assigned). */
    private static boolean returnReason(int n) {
        return (n >= 1 && n <= 47) || (n >= 50 && n <= 53) || (n >= 80 && n <= 85);
    }

    /** 39–53 Return Trace Number, 54–56 Return Settlement Date, 57–58 Return Reason Code of the return answered. */
    private void answeredReturn(byte[] r, PendingEntry e) {
        if (digits(r, 39, 15) < 0) {
            issues.error("Return Trace Number", "must be 15 digits");
        }
        e.extra(AchAttributes.RETURN_TRACE, text(r, 39, 15));
        e.extra(AchAttributes.RETURN_SETTLEMENT_DAY, julian(r, 54, "Return Settlement Date"));
        e.extra(AchAttributes.ORIGINAL_RETURN_REASON_CODE, reasonDigits(r, 57, "Return Reason Code"));
    }

    /** A three-digit Julian day field: blank, or 001–366. */
    private String julian(byte[] r, int from, String field) {
        if (blank(r, from, 3)) {
            return null;
        }
        long day = digits(r, from, 3);
        if (day < 1 || day > 366) {
            issues.error(field, "must be blank or a Julian day 001-366");
            return null;
        }
        return raw(r, from, 3);
    }

    /** A two-digit return reason code field (the R is implied), as "R" and the digits. */
    private String reasonDigits(byte[] r, int from, String field) {
        if (digits(r, from, 2) < 0) {
            issues.error(field, "must be two digits (the return reason code without its R)");
            return null;
        }
        return "R" + raw(r, from, 2);
    }

    private boolean firstSpecial(PendingEntry e, Category category) {
        if (e.category != Category.FORWARD) {
            issues.error("Addenda Type Code", "only one addenda 98/99 per entry");
            return false;
        }
        e.category = category;
        return true;
    }

    /** 7–21 Original Entry Trace Number and 28–35 Original Receiving DFI Identification, in every layout. */
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
     * C07 routing(9) + account(17) + code. The account part keeps its last four only; C09 (an
     * individual identification number) and codes outside the Rules' table are masked whole.
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
            case "C02", "C04", "C05", "C08", "C10", "C11", "C12", "C13", "C14" -> d.strip().isEmpty() ? null : d.strip();
            // C09 carries an individual identification number, and a code outside the Rules'
            // table anything at all: masked whole.
            default -> maskedOrNull(d.strip());
        };
    }

    static String maskedOrNull(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "****" + (value.length() <= 4 ? value : value.substring(value.length() - 4));
    }
}

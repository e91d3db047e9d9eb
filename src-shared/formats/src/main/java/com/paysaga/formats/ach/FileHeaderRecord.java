package com.paysaga.formats.ach;

import static com.paysaga.formats.ach.NachaFields.blank;
import static com.paysaga.formats.ach.NachaFields.checkDigit;
import static com.paysaga.formats.ach.NachaFields.digits;
import static com.paysaga.formats.ach.NachaFields.is;
import static com.paysaga.formats.ach.NachaFields.routing9;
import static com.paysaga.formats.ach.NachaFields.text;
import static com.paysaga.formats.ach.NachaFields.yymmdd;

import java.time.LocalDate;

/**
 * The File Header Record (record type 1; Operating Rules, Appendix Three, record formats): who
 * the file is for and from, when it was created, and its physical characteristics.
 */
final class FileHeaderRecord {

    private FileHeaderRecord() {
    }

    /** Checks the record; returns its File Creation Date, or null when it is not a valid date. */
    static LocalDate check(byte[] r, NachaIssues issues) {
        if (!is(r, 2, "01")) {
            issues.error("Priority Code", "must be 01");
        }
        String destination = text(r, 4, 10);
        if (destination == null) {
            issues.error("Immediate Destination", "is blank");
        } else if (destination.length() == 9 && digits(r, 5, 9) >= 0 && r[3] == ' ') {
            long routing8 = digits(r, 5, 8);
            int check = r[12] - '0';
            if (checkDigit(routing8) != check) {
                // a processor's receiving point may be numbered like a routing number without being one
                boolean processor = issues.options().lenient(NachaLeniency.PROCESSOR_FILE_HEADER);
                issues.lenient(processor ? NachaLeniency.PROCESSOR_FILE_HEADER : NachaLeniency.CHECK_DIGIT,
                        "Immediate Destination", "routing number " + routing9(routing8, check) + " has check digit "
                                + check + ", expected " + checkDigit(routing8));
            }
        } else if (digits(r, 4, 10) < 0) {
            issues.lenient(NachaLeniency.PROCESSOR_FILE_HEADER, "Immediate Destination",
                    "must be a blank followed by a 9-digit routing number");
        }
        if (blank(r, 14, 10)) {
            issues.error("Immediate Origin", "is blank");
        }
        LocalDate created = yymmdd(r, 24);
        if (created == null) {
            issues.error("File Creation Date", "is not a valid YYMMDD date");
        }
        if (!blank(r, 30, 4)) {
            long hhmm = digits(r, 30, 4);
            if (hhmm < 0 || hhmm / 100 > 23 || hhmm % 100 > 59) {
                issues.error("File Creation Time", "is not a valid HHMM time");
            }
        }
        issues.upperCase(r, 34, 1, "File ID Modifier");
        byte modifier = r[33];
        if (modifier == ' ') {
            issues.lenient(NachaLeniency.PROCESSOR_FILE_HEADER, "File ID Modifier", "is blank (must be A-Z or 0-9)");
        } else if (!((modifier >= 'A' && modifier <= 'Z') || (modifier >= '0' && modifier <= '9'))) {
            issues.error("File ID Modifier", "must be A-Z or 0-9");
        }
        if (!is(r, 35, "094")) {
            issues.error("Record Size", "must be 094");
        }
        if (!is(r, 38, "10")) {
            issues.error("Blocking Factor", "must be 10");
        }
        if (r[39] != '1') {
            issues.error("Format Code", "must be 1");
        }
        return created;
    }
}

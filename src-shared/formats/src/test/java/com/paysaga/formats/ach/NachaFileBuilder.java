package com.paysaga.formats.ach;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds NACHA files with correct control records (counts, entry hash, totals, block count,
 * 9-filler), so samples and tests state only what they are about. Computed independently of the
 * parser: the second digit of a transaction code 1–4 counts as credit (ADV: odd codes).
 */
final class NachaFileBuilder {

    static final String ODFI = "12100035";
    static final String DESTINATION = " 231380104";
    static final String ORIGIN = " 121000358";

    private final List<String> records = new ArrayList<>();
    private int batchCount;
    private long fileEntryAddenda;
    private long fileHash;
    private long fileDebit;
    private long fileCredit;
    private boolean adv;
    private String fileCreationDate = "260302";
    private boolean padded = true;

    static String rdfi8(String routing9) {
        return routing9.substring(0, 8);
    }

    NachaFileBuilder creationDate(String yymmdd) {
        this.fileCreationDate = yymmdd;
        return this;
    }

    NachaFileBuilder withoutFiller() {
        this.padded = false;
        return this;
    }

    Batch batch(String sec, int serviceClass) {
        return new Batch(sec, serviceClass);
    }

    /** The records of the file, header to filler. */
    List<String> records() {
        List<String> out = new ArrayList<>();
        out.add(new Rec('1')
                .put(2, "01")
                .put(4, DESTINATION)
                .put(14, ORIGIN)
                .put(24, fileCreationDate)
                .put(30, "0930")
                .put(34, "A")
                .put(35, "094")
                .put(38, "10")
                .put(40, "1")
                .put(41, pad("FEDERAL RESERVE BANK", 23))
                .put(64, pad("PAYSAGA TEST ORIGIN", 23))
                .put(87, pad("", 8))
                .toString());
        out.addAll(records);
        int width = adv ? 20 : 12;
        long count = out.size() + 1L;
        long blocks = (count + 9) / 10;
        Rec control = new Rec('9')
                .num(2, 6, batchCount)
                .num(8, 6, blocks)
                .num(14, 8, fileEntryAddenda)
                .num(22, 10, fileHash % 10_000_000_000L)
                .num(32, width, fileDebit)
                .num(32 + width, width, fileCredit);
        out.add(control.toString());
        if (padded) {
            while (out.size() % 10 != 0) {
                out.add("9".repeat(94));
            }
        }
        return out;
    }

    String build() {
        return String.join("\n", records()) + "\n";
    }

    final class Batch {
        private final String sec;
        private final int serviceClass;
        private final List<String> recs = new ArrayList<>();
        private final int number;
        private String companyName = "PAYSAGA INC";
        private String companyId = "1234567890";
        private String description = "PAYROLL";
        private String effective = "260303";
        private String settlement = "   ";
        private String tracePrefix = ODFI;
        private String header;
        private long traceSeq;
        private long lastTrace;
        private String iatHeader;
        private String iatIndicator = "";

        Batch(String sec, int serviceClass) {
            this.sec = sec;
            this.serviceClass = serviceClass;
            this.number = batchCount + 1;
            if (sec.equals("ADV")) {
                adv = true;
            }
        }

        Batch company(String name, String id) {
            this.companyName = name;
            this.companyId = id;
            return this;
        }

        Batch description(String d) {
            this.description = d;
            return this;
        }

        Batch effective(String yymmdd) {
            this.effective = yymmdd;
            return this;
        }

        /** Positions 76–78 of the header: the Julian settlement day an ACH Operator inserts. */
        Batch settlement(String julian) {
            this.settlement = julian;
            return this;
        }

        /** Trace numbers of this batch start with {@code prefix8} instead of the ODFI (a custom scheme). */
        Batch tracePrefix(String prefix8) {
            this.tracePrefix = prefix8;
            return this;
        }

        /** IAT batch header fields 5–50 and 64–69, e.g. ("FV", "1", "1.3561", "CA", "USD", "CAD"). */
        Batch iat(String fxIndicator, String fxRefIndicator, String fxReference, String country,
                String originatingCurrency, String destinationCurrency) {
            this.iatHeader = fxIndicator + "|" + fxRefIndicator + "|" + fxReference + "|" + country + "|"
                    + originatingCurrency + "|" + destinationCurrency;
            return this;
        }

        /** Positions 5–20 of an IAT batch header: blank, or IATCOR for an IAT notification of change. */
        Batch iatIndicator(String indicator) {
            this.iatIndicator = indicator;
            return this;
        }

        private String header() {
            Rec r = new Rec('5').num(2, 3, serviceClass);
            if (iatHeader != null) {
                String[] p = iatHeader.split("\\|", -1);
                r.put(5, pad(iatIndicator, 16)).put(21, p[0]).put(23, p[1]).put(24, pad(p[2], 15)).put(39, p[3])
                        .put(41, pad(companyId, 10)).put(64, p[4]).put(67, p[5]);
            } else {
                r.put(5, pad(companyName, 16)).put(21, pad("", 20)).put(41, pad(companyId, 10)).put(64, "MAR 03");
            }
            return r.put(51, sec)
                    .put(54, pad(description, 10))
                    .put(70, effective)
                    .put(76, settlement)
                    .put(79, sec.equals("ADV") ? "0" : "1")
                    .put(80, ODFI)
                    .num(88, 7, number)
                    .toString();
        }

        /** Next trace number: ODFI + 7-digit sequence. */
        String nextTrace() {
            traceSeq++;
            return tracePrefix + String.format("%07d", traceSeq);
        }

        /**
         * A standard-layout entry: {@code middle} is positions 40–78 (39 characters: identification,
         * name, discretionary data, addenda indicator) as the SEC code lays them out.
         */
        Entry entry(int code, String routing9, String account, long amount, String middle39) {
            if (middle39.length() != 39) {
                throw new IllegalArgumentException("positions 40-78 must be 39 characters, got " + middle39.length());
            }
            String trace = nextTrace();
            String rec = new Rec('6')
                    .num(2, 2, code)
                    .put(4, routing9)
                    .put(13, pad(account, 17))
                    .num(30, 10, amount)
                    .put(40, middle39)
                    .put(80, trace)
                    .toString();
            return new Entry(this, rec, code, routing9, amount, trace);
        }

        /** PPD/WEB/TEL/…: id (15), name (22), discretionary (2). */
        Entry standard(int code, String routing9, String account, long amount, String id, String name, String disc) {
            return entry(code, routing9, account, amount, pad(id, 15) + pad(name, 22) + pad(disc, 2));
        }

        /** CTX/ENR/TRX/ATX: id (15), number of addenda (4), receiving company (16), reserved (2), disc (2). */
        Entry corporate(int code, String routing9, String account, long amount, String id, int addendaCount,
                String company) {
            return entry(code, routing9, account, amount,
                    pad(id, 15) + String.format("%04d", addendaCount) + pad(company, 16) + "  " + "  ");
        }

        Entry iatEntry(int code, String routing9, String account35, long amount, int addendaCount) {
            String trace = nextTrace();
            String rec = new Rec('6')
                    .num(2, 2, code)
                    .put(4, routing9)
                    .num(13, 4, addendaCount)
                    .put(17, pad("", 13))
                    .num(30, 10, amount)
                    .put(40, pad(account35, 35))
                    .put(75, "  ")
                    .put(77, "0")
                    .put(78, "0")
                    .put(80, trace)
                    .toString();
            return new Entry(this, rec, code, routing9, amount, trace);
        }

        Entry advEntry(int code, String routing9, String account15, long amount, String name, int seq) {
            String trace = ODFI + "062" + String.format("%04d", seq);
            String rec = new Rec('6')
                    .num(2, 2, code)
                    .put(4, routing9)
                    .put(13, pad(account15, 15))
                    .num(28, 12, amount)
                    .put(40, "121000358")
                    .put(49, "00001")
                    .put(54, " ")
                    .put(55, pad(name, 22))
                    .put(77, "  ")
                    .put(80, trace)
                    .toString();
            return new Entry(this, rec, code, routing9, amount, trace);
        }

        /** Closes the batch: batch control with computed totals. */
        NachaFileBuilder end() {
            batchCount++;
            long count = 0;
            long hash = 0;
            long debit = 0;
            long credit = 0;
            for (String r : recs) {
                count++;
                if (r.charAt(0) == '6') {
                    int code = Integer.parseInt(r.substring(1, 3));
                    hash += Long.parseLong(r.substring(3, 11));
                    long amount = sec.equals("ADV") ? Long.parseLong(r.substring(27, 39)) : Long.parseLong(r.substring(29, 39));
                    boolean isCredit = code >= 80 ? code % 2 == 1 : code % 10 <= 4;
                    if (isCredit) {
                        credit += amount;
                    } else {
                        debit += amount;
                    }
                }
            }
            int width = sec.equals("ADV") ? 20 : 12;
            Rec control = new Rec('8')
                    .num(2, 3, serviceClass)
                    .num(5, 6, count)
                    .num(11, 10, hash % 10_000_000_000L)
                    .num(21, width, debit)
                    .num(21 + width, width, credit);
            if (!sec.equals("ADV")) {
                control.put(45, pad(companyId, 10));
            }
            control.put(80, ODFI).num(88, 7, number);
            records.add(header());
            records.addAll(recs);
            records.add(control.toString());
            fileEntryAddenda += count;
            fileHash += hash;
            fileDebit += debit;
            fileCredit += credit;
            return NachaFileBuilder.this;
        }
    }

    final class Entry {
        private final Batch batch;
        private final String trace;
        private final List<String> addenda = new ArrayList<>();
        private String record;
        private int seq05;

        Entry(Batch batch, String record, int code, String routing9, long amount, String trace) {
            this.batch = batch;
            this.record = record;
            this.trace = trace;
        }

        String trace() {
            return trace;
        }

        /** Addenda 05 with payment-related information; sequence numbers are filled in. */
        Entry addenda05(String info) {
            seq05++;
            addenda.add(new Rec('7').put(2, "05").put(4, pad(info, 80)).num(84, 4, seq05)
                    .put(88, trace.substring(8)).toString());
            return this;
        }

        /** Addenda 02 (POS/SHR/MTE terminal data). */
        Entry addenda02(String ref1, String ref2, String terminal, String serial, String mmdd, String auth,
                String location, String city, String state) {
            addenda.add(new Rec('7').put(2, "02").put(4, pad(ref1, 7)).put(11, pad(ref2, 3)).put(14, pad(terminal, 6))
                    .put(20, pad(serial, 6)).put(26, mmdd).put(30, pad(auth, 6)).put(36, pad(location, 27))
                    .put(63, pad(city, 15)).put(78, pad(state, 2)).put(80, trace).toString());
            return this;
        }

        /** Addenda 98: change code, original trace, original RDFI (8), corrected data (29). */
        Entry addenda98(String changeCode, String originalTrace, String originalRdfi8, String correctedData) {
            addenda.add(new Rec('7').put(2, "98").put(4, changeCode).put(7, originalTrace).put(22, pad("", 6))
                    .put(28, originalRdfi8).put(36, pad(correctedData, 29)).put(65, pad("", 15)).put(80, trace).toString());
            return this;
        }

        /** Addenda 99: return reason, original trace, date of death (or blank), original RDFI, information. */
        Entry addenda99(String reason, String originalTrace, String dateOfDeath, String originalRdfi8, String info) {
            addenda.add(new Rec('7').put(2, "99").put(4, reason).put(7, originalTrace).put(22, pad(dateOfDeath, 6))
                    .put(28, originalRdfi8).put(36, pad(info, 44)).put(80, trace).toString());
            return this;
        }

        /** Addenda 98 of a refused NOC: refused code (C61–C69), …, corrected data, the refused change code, trace sequence. */
        Entry addenda98Refused(String refusedCode, String originalTrace, String originalRdfi8, String correctedData,
                String changeCode, String traceSequence7) {
            addenda.add(new Rec('7').put(2, "98").put(4, refusedCode).put(7, originalTrace).put(22, pad("", 6))
                    .put(28, originalRdfi8).put(36, pad(correctedData, 29)).put(65, changeCode).put(68, traceSequence7)
                    .put(75, pad("", 5)).put(80, trace).toString());
            return this;
        }

        /** Addenda 99 of a dishonored return (R61, R62, R67–R70). */
        Entry addenda99Dishonored(String code, String originalTrace, String originalRdfi8, String returnTrace,
                String returnSettlement, String returnReason2, String info) {
            addenda.add(new Rec('7').put(2, "99").put(4, code).put(7, originalTrace).put(22, pad("", 6))
                    .put(28, originalRdfi8).put(36, "   ").put(39, returnTrace).put(54, returnSettlement)
                    .put(57, returnReason2).put(59, pad(info, 21)).put(80, trace).toString());
            return this;
        }

        /** Addenda 99 of a contested dishonored return (R71–R77). */
        Entry addenda99Contested(String code, String originalTrace, String dateReturned, String originalRdfi8,
                String originalSettlement, String returnTrace, String returnSettlement, String returnReason2,
                String dishonoredTrace, String dishonoredSettlement, String dishonoredReason2) {
            addenda.add(new Rec('7').put(2, "99").put(4, code).put(7, originalTrace).put(22, dateReturned)
                    .put(28, originalRdfi8).put(36, originalSettlement).put(39, returnTrace).put(54, returnSettlement)
                    .put(57, returnReason2).put(59, dishonoredTrace).put(74, dishonoredSettlement)
                    .put(77, dishonoredReason2).put(79, " ").put(80, trace).toString());
            return this;
        }

        /** An IAT addenda (types 10–18): {@code body} is positions 4–87, the entry detail sequence is appended. */
        Entry iatAddenda(int type, String body84) {
            if (body84.length() != 84) {
                throw new IllegalArgumentException("IAT addenda body must be 84 characters, got " + body84.length());
            }
            addenda.add(new Rec('7').num(2, 2, type).put(4, body84).put(88, trace.substring(8)).toString());
            return this;
        }

        /** Any record, verbatim (for deliberately odd addenda). */
        Entry rawAddenda(String record94) {
            addenda.add(record94);
            return this;
        }

        /** Adds the entry (addenda indicator set from the addenda present) and its addenda to the batch. */
        Batch add() {
            char indicator = addenda.isEmpty() ? '0' : '1';
            record = record.substring(0, 78) + indicator + record.substring(79);
            batch.recs.add(record);
            batch.recs.addAll(addenda);
            return batch;
        }

        /** Like {@link #add()} but with the given addenda indicator, whatever follows. */
        Batch addWithIndicator(char indicator) {
            record = record.substring(0, 78) + indicator + record.substring(79);
            batch.recs.add(record);
            batch.recs.addAll(addenda);
            return batch;
        }

        Entry with(Consumer<Entry> c) {
            c.accept(this);
            return this;
        }
    }

    static String pad(String s, int width) {
        if (s.length() > width) {
            throw new IllegalArgumentException("'" + s + "' is longer than " + width);
        }
        return s + " ".repeat(width - s.length());
    }

    /** A 94-character record built by 1-based positions, as the NACHA layouts print them. */
    static final class Rec {
        private final char[] c = new char[94];

        Rec(char type) {
            java.util.Arrays.fill(c, ' ');
            c[0] = type;
        }

        Rec put(int from, String value) {
            if (from - 1 + value.length() > 94) {
                throw new IllegalArgumentException("field at " + from + " overflows the record: " + value);
            }
            value.getChars(0, value.length(), c, from - 1);
            return this;
        }

        Rec num(int from, int len, long value) {
            String s = Long.toString(value);
            if (s.length() > len) {
                throw new IllegalArgumentException(value + " does not fit " + len + " digits");
            }
            return put(from, "0".repeat(len - s.length()) + s);
        }

        @Override
        public String toString() {
            return new String(c);
        }
    }

    /** Replaces positions {@code from..from+value.length()-1} (1-based) of a record. */
    static String patch(String record, int from, String value) {
        return record.substring(0, from - 1) + value + record.substring(from - 1 + value.length());
    }
}

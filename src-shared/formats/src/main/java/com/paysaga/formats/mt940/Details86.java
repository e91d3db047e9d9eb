package com.paysaga.formats.mt940;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.paysaga.formats.iso20022.Iban;

/**
 * Field 86 (information to account owner) in the three shapes banks write it:
 * <ul>
 * <li>German DK / ZKA structure: a three-digit business transaction code (GVC) then "?nn"
 *     subfields: ?00 posting text, ?20-?29 and ?60-?63 purpose, ?30 bank code, ?31 account,
 *     ?32-?33 counterparty name, ?34 text key extension. Inside the purpose the SEPA keywords
 *     EREF+, MREF+, KREF+, CRED+, SVWZ+ … mark the end-to-end id, mandate, remittance;</li>
 * <li>slash codes (Dutch and many EU banks): /EREF/…/REMI/…/NAME/…/IBAN/…/BIC/…, /CNTP/iban/bic/name/city/;</li>
 * <li>free text.</li>
 * </ul>
 * Line breaks inside structured content are artefacts of the 65-character line limit and are
 * removed; free-text lines are joined with a space. Free text keeps its words, but any IBAN in it
 * is masked: remittance text is stored, account numbers must not be.
 */
record Details86(String gvc, String postingText, String purpose, String endToEndId, String mandateId,
        String counterpartyName, String counterpartyAccount, String counterpartyAgent, String primanota,
        String textKeyExtension) {

    private static final Pattern DK = Pattern.compile("^(\\d{3})\\?");
    private static final Pattern DK_SUBFIELD = Pattern.compile("\\?(\\d{2})");
    private static final Pattern SEPA_KEYWORD = Pattern.compile("(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT)\\+");
    private static final List<String> SLASH_CODES = List.of("TRTP", "EREF", "REMI", "NAME", "IBAN", "BIC", "CNTP",
            "CSID", "MARF", "ORDP", "BENM", "PREF", "RTRN", "USTD", "STRD", "ISDT", "ULTC", "ULTD", "PURP", "SVCL");
    private static final Pattern SLASH_CODE = Pattern.compile("/(" + String.join("|", SLASH_CODES) + ")/");
    private static final Pattern IBAN_LIKE = Pattern.compile("\\b[A-Z]{2}\\d{2}[A-Z0-9]{11,30}\\b");

    static Details86 parse(List<String> lines) {
        String joined = String.join("", lines);
        Matcher dk = DK.matcher(joined);
        if (dk.find()) {
            return dk(dk.group(1), joined);
        }
        if (SLASH_CODE.matcher(joined).lookingAt()) {
            return slashCodes(joined);
        }
        String free = maskIbans(String.join(" ", lines).strip());
        return new Details86(null, null, free.isEmpty() ? null : free, null, null, null, null, null, null, null);
    }

    private static Details86 dk(String gvc, String text) {
        Map<String, StringBuilder> sub = new LinkedHashMap<>();
        Matcher m = DK_SUBFIELD.matcher(text);
        int start = -1;
        String key = null;
        while (m.find()) {
            if (key != null) {
                sub.computeIfAbsent(key, k -> new StringBuilder()).append(text, start, m.start());
            }
            key = m.group(1);
            start = m.end();
        }
        if (key != null) {
            sub.computeIfAbsent(key, k -> new StringBuilder()).append(text.substring(start));
        }
        StringBuilder purpose = new StringBuilder();
        for (int i = 20; i <= 29; i++) {
            append(purpose, sub.get(Integer.toString(i)));
        }
        for (int i = 60; i <= 63; i++) {
            append(purpose, sub.get(Integer.toString(i)));
        }
        Map<String, String> sepa = sepaKeywords(purpose.toString());
        String remittance = sepa.isEmpty() ? purpose.toString().strip() : sepa.get("SVWZ");
        StringBuilder name = new StringBuilder();
        append(name, sub.get("32"));
        append(name, sub.get("33"));
        return new Details86(gvc, value(sub.get("00")), blankToNull(maskIbans(remittance)), sepa.get("EREF"), sepa.get("MREF"),
                blankToNull(name.toString().strip()), value(sub.get("31")), value(sub.get("30")), value(sub.get("10")),
                value(sub.get("34")));
    }

    private static Map<String, String> sepaKeywords(String purpose) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = SEPA_KEYWORD.matcher(purpose);
        String key = null;
        int start = -1;
        while (m.find()) {
            if (key != null) {
                values.putIfAbsent(key, purpose.substring(start, m.start()).strip());
            }
            key = m.group(1);
            start = m.end();
        }
        if (key != null) {
            values.putIfAbsent(key, purpose.substring(start).strip());
        }
        return values;
    }

    private static Details86 slashCodes(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = SLASH_CODE.matcher(text);
        String key = null;
        int start = -1;
        while (m.find()) {
            if (key != null) {
                values.putIfAbsent(key, trimSlashes(text.substring(start, m.start())));
            }
            key = m.group(1);
            start = m.end();
        }
        if (key != null) {
            values.putIfAbsent(key, trimSlashes(text.substring(start)));
        }
        String name = values.get("NAME");
        String account = values.get("IBAN");
        String agent = values.get("BIC");
        String cntp = values.get("CNTP");
        if (cntp != null) {
            // /CNTP/<account>/<BIC>/<name>/<city>/
            String[] parts = cntp.split("/", -1);
            account = account != null ? account : part(parts, 0);
            agent = agent != null ? agent : part(parts, 1);
            name = name != null ? name : part(parts, 2);
        }
        String remittance = values.get("REMI");
        if (remittance != null && (remittance.startsWith("USTD//") || remittance.startsWith("STRD/"))) {
            int cut = remittance.lastIndexOf('/');
            remittance = remittance.substring(cut + 1);
        }
        return new Details86(null, values.get("TRTP"), blankToNull(maskIbans(remittance)), values.get("EREF"), values.get("MARF"),
                blankToNull(name), blankToNull(account), blankToNull(agent), null, null);
    }

    /** Replaces every checksum-valid IBAN in free text by its masked form. */
    static String maskIbans(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = IBAN_LIKE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String candidate = m.group();
            String replacement = Iban.valid(candidate) ? "****" + candidate.substring(candidate.length() - 4) : candidate;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? blankToNull(parts[i].strip()) : null;
    }

    private static String trimSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end).strip();
    }

    private static void append(StringBuilder b, StringBuilder part) {
        if (part != null) {
            b.append(part);
        }
    }

    private static String value(StringBuilder b) {
        return b == null ? null : blankToNull(b.toString().strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

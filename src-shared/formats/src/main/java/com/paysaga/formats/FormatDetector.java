package com.paysaga.formats;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Recognises a payment file's format and character set from its first bytes, never from its
 * name: partners name files whatever they like, and a wrong guess from the name would parse a
 * camt.053 as CSV. Only {@link #SNIFF_BYTES} are looked at, so detection costs the same for a
 * 1 KB and a 1 GB file.
 *
 * <p>Signatures: NACHA file header record {@code 1} + priority code {@code 01}; ISO 20022 by the
 * {@code Document} namespace ({@code urn:iso:std:iso:20022:tech:xsd:pain.001.001.xx},
 * {@code camt.053.001.xx}, {@code camt.054.001.xx}), also behind a BOM, an XML declaration,
 * comments, whitespace and a business application header envelope; BAI2 file header {@code 01,};
 * MT940 {@code :20:} (with a {@code :25:} account and a {@code :60F:}/{@code :60M:} opening
 * balance, which MT942 lacks), optionally inside a SWIFT block envelope {@code {1:…}{2:O940…}{4:};
 * processor CSV by a header line that a registered mapping recognises.
 *
 * <p>Character sets: only US-ASCII, UTF-8 and ISO-8859-1 are supported. A charset declared in the
 * partner profile or in the XML declaration is checked against the bytes; otherwise a UTF-8 BOM or
 * valid UTF-8 gives UTF-8 (pure ASCII is valid UTF-8), and anything else ISO-8859-1, which can
 * decode every byte.
 */
public final class FormatDetector {

    /** Bytes read for detection: enough for any envelope, XML prolog or CSV header seen in practice. */
    public static final int SNIFF_BYTES = 64 * 1024;

    static final String ISO20022_NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
    private static final int MAX_XML_ELEMENTS = 200;
    private static final int SHOWN_PREFIX_CHARS = 8;

    private final CsvHeaderMatcher csvHeaders;

    public FormatDetector(CsvHeaderMatcher csvHeaders) {
        this.csvHeaders = csvHeaders;
    }

    /**
     * @param head     the first bytes of the file (up to {@link #SNIFF_BYTES}); may be the whole file
     * @param length   valid bytes in {@code head}
     * @param complete whether {@code head} holds the whole file (so a multi-byte character cut at
     *                 the end is an error rather than an artefact of sniffing)
     */
    public Detection detect(byte[] head, int length, boolean complete, ParseOptions options) {
        List<String> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (length == 0) {
            return new Detection(Optional.empty(), StandardCharsets.UTF_8, 0, Optional.empty(),
                    "an empty file", errors, notes);
        }

        Optional<Charset> declared = Optional.empty();
        if (options.charset().isPresent()) {
            Charset c = options.charset().get();
            if (supported(c)) {
                declared = Optional.of(c);
            } else {
                errors.add("declared charset " + c.name() + " is not supported (US-ASCII, UTF-8, ISO-8859-1)");
            }
        }

        String wideEncoding = wideEncoding(head, length);
        if (wideEncoding != null) {
            errors.add("the file is encoded in " + wideEncoding
                    + "; only US-ASCII, UTF-8 and ISO-8859-1 are supported");
            return new Detection(Optional.empty(), StandardCharsets.UTF_8, 0, Optional.empty(),
                    "text in " + wideEncoding, errors, notes);
        }

        int bom = length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        if (bom > 0 && declared.isPresent() && !declared.get().equals(StandardCharsets.UTF_8)) {
            errors.add("declared charset " + declared.get().name() + ", but the file starts with a UTF-8 byte-order mark");
        }

        int start = skipWhitespace(head, bom, length);
        Sniffed sniffed = classify(head, start, length, complete, options, declared);

        Charset charset;
        if (sniffed.xmlEncoding != null) {
            Charset xmlCharset = charsetNamed(sniffed.xmlEncoding);
            if (xmlCharset == null || !supported(xmlCharset)) {
                errors.add("the XML declaration names encoding \"" + safe(sniffed.xmlEncoding)
                        + "\", which is not supported (US-ASCII, UTF-8, ISO-8859-1)");
                xmlCharset = StandardCharsets.UTF_8;
            } else if (declared.isPresent() && !declared.get().equals(xmlCharset)) {
                errors.add("declared charset " + declared.get().name() + ", but the XML declaration says "
                        + xmlCharset.name());
            }
            charset = declared.orElse(xmlCharset);
        } else {
            // A UTF-8 BOM, or nothing yet: UTF-8 until the bytes prove otherwise below.
            charset = declared.orElse(StandardCharsets.UTF_8);
        }

        boolean charsetFromContent = declared.isEmpty() && sniffed.xmlEncoding == null && bom == 0;
        int bad = firstUndecodable(head, bom, length, complete, charset);
        if (bad >= 0) {
            String where = "line " + lineOf(head, bom, bad) + " (byte 0x" + Integer.toHexString(head[bad] & 0xFF).toUpperCase() + ")";
            if (charsetFromContent && sniffed.format != Format.PAIN_001 && sniffed.format != Format.CAMT_053
                    && sniffed.format != Format.CAMT_054 && !sniffed.xml) {
                // Not UTF-8, nothing declared: ISO-8859-1 decodes every byte, and single-byte
                // Latin files are what legacy bank systems still send.
                charset = StandardCharsets.ISO_8859_1;
                notes.add("no charset declared and the file is not valid UTF-8 at " + where + "; read as ISO-8859-1");
            } else if (charsetFromContent) {
                errors.add("the XML has no encoding declaration, so it must be UTF-8, but it is not valid UTF-8 at " + where);
            } else {
                errors.add("the file is declared " + charset.name() + ", but is not valid " + charset.name() + " at " + where);
            }
        }

        if (bom > 0 && sniffed.format == Format.NACHA) {
            // NACHA records are ASCII by rule; a BOM means an editor or a converter touched the file.
            notes.add("UTF-8 byte-order mark before the first record ignored");
        }
        return new Detection(Optional.ofNullable(sniffed.format), charset, bom, Optional.ofNullable(sniffed.csvMapping),
                sniffed.seen, errors, notes);
    }

    /** The charsets the parsers accept. */
    public static boolean supported(Charset c) {
        return c.equals(StandardCharsets.US_ASCII) || c.equals(StandardCharsets.UTF_8) || c.equals(StandardCharsets.ISO_8859_1);
    }

    private record Sniffed(Format format, String seen, String csvMapping, String xmlEncoding, boolean xml) {
    }

    private Sniffed classify(byte[] b, int start, int length, boolean complete, ParseOptions options,
            Optional<Charset> declared) {
        if (start >= length) {
            return new Sniffed(null, "only whitespace", null, null, false);
        }
        if (b[start] == '<') {
            return classifyXml(b, start, length);
        }
        if (startsWith(b, start, length, "101")) {
            return new Sniffed(Format.NACHA, "a NACHA file header record", null, null, false);
        }
        if (startsWith(b, start, length, "01,")) {
            return new Sniffed(Format.BAI2, "a BAI2 file header record (01)", null, null, false);
        }
        if (startsWith(b, start, length, "{1:")) {
            return classifySwiftEnvelope(b, start, length);
        }
        if (startsWith(b, start, length, ":20:")) {
            String text = latin1(b, start, length);
            if (text.contains(":25:") && (text.contains(":60F:") || text.contains(":60M:"))) {
                return new Sniffed(Format.MT940, "a SWIFT MT940 statement (:20:, :25:, :60F:)", null, null, false);
            }
            return new Sniffed(null, "SWIFT MT text starting with :20: but without :25: and a :60F:/:60M: opening balance"
                    + " (MT942 or another message type?)", null, null, false);
        }
        String magic = binaryMagic(b, start, length);
        if (magic != null) {
            return new Sniffed(null, magic, null, null, false);
        }
        if (binary(b, start, length)) {
            return new Sniffed(null, "binary data (control bytes in the first " + Math.min(length - start, 512)
                    + " bytes; first bytes " + hex(b, start, Math.min(4, length - start)) + ")", null, null, false);
        }
        int lineEnd = start;
        while (lineEnd < length && b[lineEnd] != '\n' && b[lineEnd] != '\r') {
            lineEnd++;
        }
        String firstLine = new String(b, start, lineEnd - start, declared.orElse(
                validUtf8(b, start, lineEnd) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        Optional<String> mapping = csvHeaders.mappingFor(firstLine);
        if (mapping.isPresent()) {
            return new Sniffed(Format.PROCESSOR_CSV, "a processor CSV header of mapping " + mapping.get(), mapping.get(), null, false);
        }
        if (options.csvMapping().isPresent() && looksDelimited(firstLine)) {
            return new Sniffed(Format.PROCESSOR_CSV, "a delimited header line; using the declared mapping "
                    + options.csvMapping().get(), options.csvMapping().get(), null, false);
        }
        boolean cut = lineEnd == length && !complete;
        return new Sniffed(null, "text whose first line starts with \"" + maskedPrefix(firstLine) + "\" and has "
                + (cut ? "more than " : "") + firstLine.length() + " characters", null, null, false);
    }

    private static Sniffed classifyXml(byte[] b, int start, int length) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // The sniffed bytes are untrusted: no DTDs, no external entities (XXE).
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        String encoding = null;
        String firstElement = null;
        String otherIso = null;
        boolean envelope = false;
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new ByteArrayInputStream(b, start, length - start));
            encoding = r.getCharacterEncodingScheme();
            int elements = 0;
            while (r.hasNext() && elements < MAX_XML_ELEMENTS) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                elements++;
                String ns = r.getNamespaceURI();
                String local = r.getLocalName();
                if (firstElement == null) {
                    firstElement = (ns == null || ns.isEmpty() ? "" : "{" + ns + "}") + local;
                }
                if (ns == null || !ns.startsWith(ISO20022_NAMESPACE_PREFIX)) {
                    envelope = true;
                    continue;
                }
                String message = ns.substring(ISO20022_NAMESPACE_PREFIX.length());
                Format f = isoFormat(message);
                if (f != null) {
                    String where = envelope || elements > 1 ? " inside an envelope (first element " + firstElement + ")" : "";
                    return new Sniffed(f, "an ISO 20022 " + message + " Document" + where, null, encoding, true);
                }
                if (message.startsWith("head.")) {
                    envelope = true;
                } else if (local.equals("Document") && otherIso == null) {
                    otherIso = message;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            // A prefix cut mid-element, or not XML at all: decide with what was seen so far.
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release for an in-memory stream
                }
            }
        }
        if (otherIso != null) {
            return new Sniffed(null, "an ISO 20022 " + otherIso
                    + " Document (supported: pain.001, camt.053, camt.054)", null, encoding, true);
        }
        if (firstElement != null) {
            return new Sniffed(null, "XML whose first element is " + firstElement
                    + " and which has no ISO 20022 pain.001/camt.053/camt.054 Document", null, encoding, true);
        }
        return new Sniffed(null, "text starting with '<' that is not well-formed XML", null, encoding, true);
    }

    /** {@code pain.001.001.09} → PAIN_001; null for a message PaySaga does not parse. */
    static Format isoFormat(String message) {
        if (!message.matches("[a-z]{4}\\.\\d{3}\\.\\d{3}\\.\\d{2}")) {
            return null;
        }
        String family = message.substring(0, 8);
        return switch (family) {
            case "pain.001" -> Format.PAIN_001;
            case "camt.053" -> Format.CAMT_053;
            case "camt.054" -> Format.CAMT_054;
            default -> null;
        };
    }

    private static Sniffed classifySwiftEnvelope(byte[] b, int start, int length) {
        String text = latin1(b, start, length);
        int block2 = text.indexOf("{2:");
        if (block2 >= 0 && block2 + 7 <= text.length()) {
            // {2:O940…} (output) or {2:I940…} (input): the message type follows the direction.
            String type = text.substring(block2 + 4, block2 + 7);
            if (!type.equals("940")) {
                return new Sniffed(null, "a SWIFT MT" + safe(type) + " message (only MT940 is supported)", null, null, false);
            }
        }
        int block4 = text.indexOf("{4:");
        if (block4 >= 0) {
            int i = block4 + 3;
            while (i < text.length() && (text.charAt(i) == '\r' || text.charAt(i) == '\n')) {
                i++;
            }
            if (text.startsWith(":20:", i)) {
                return new Sniffed(Format.MT940, "a SWIFT MT940 statement in a block envelope", null, null, false);
            }
        }
        return new Sniffed(null, "a SWIFT block envelope without an MT940 text block ({4: followed by :20:)", null, null, false);
    }

    /** UTF-16/32 by BOM, or by NUL bytes between ASCII characters where the BOM is missing. */
    private static String wideEncoding(byte[] b, int length) {
        int b0 = length > 0 ? b[0] & 0xFF : -1;
        int b1 = length > 1 ? b[1] & 0xFF : -1;
        if (length >= 4 && b0 == 0 && b1 == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return "UTF-32BE";
        }
        if (length >= 4 && b0 == 0xFF && b1 == 0xFE && b[2] == 0 && b[3] == 0) {
            return "UTF-32LE";
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return "UTF-16BE";
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return "UTF-16LE";
        }
        int n = Math.min(length, 64) & ~1;
        if (n < 8) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0 && b[i + 1] != 0) {
                evenNul++;
            }
            if (b[i + 1] == 0 && b[i] != 0) {
                oddNul++;
            }
        }
        int pairs = n / 2;
        if (evenNul * 10 >= pairs * 9) {
            return "UTF-16BE (no byte-order mark)";
        }
        if (oddNul * 10 >= pairs * 9) {
            return "UTF-16LE (no byte-order mark)";
        }
        return null;
    }

    private static String binaryMagic(byte[] b, int start, int length) {
        if (startsWith(b, start, length, "PK\u0003\u0004")) {
            return "a ZIP archive";
        }
        if (length - start >= 2 && (b[start] & 0xFF) == 0x1F && (b[start + 1] & 0xFF) == 0x8B) {
            return "a gzip stream";
        }
        if (startsWith(b, start, length, "%PDF")) {
            return "a PDF document";
        }
        if (startsWith(b, start, length, "-----BEGIN PGP MESSAGE")) {
            return "an ASCII-armoured PGP message (still encrypted)";
        }
        return null;
    }

    private static boolean binary(byte[] b, int start, int length) {
        int end = Math.min(length, start + 512);
        int control = 0;
        for (int i = start; i < end; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return true;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
                control++;
            }
        }
        return control * 100 > (end - start);
    }

    /** Offset of the first byte that {@code charset} cannot decode, or -1. */
    static int firstUndecodable(byte[] b, int from, int length, boolean complete, Charset charset) {
        if (charset.equals(StandardCharsets.ISO_8859_1)) {
            return -1;
        }
        if (charset.equals(StandardCharsets.US_ASCII)) {
            for (int i = from; i < length; i++) {
                if (b[i] < 0) {
                    return i;
                }
            }
            return -1;
        }
        int i = from;
        while (i < length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            // RFC 3629 §4: the second byte's range excludes overlongs and surrogates.
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c == 0xE0) {
                need = 2;
                lo = 0xA0;
            } else if (c == 0xED) {
                need = 2;
                hi = 0x9F;
            } else if (c >= 0xE1 && c <= 0xEF) {
                need = 2;
            } else if (c == 0xF0) {
                need = 3;
                lo = 0x90;
            } else if (c == 0xF4) {
                need = 3;
                hi = 0x8F;
            } else if (c >= 0xF1 && c <= 0xF3) {
                need = 3;
            } else {
                return i;
            }
            if (i + need >= length) {
                // Cut at the end of the sniffed prefix: only an error if the file really ends here.
                return complete ? i : -1;
            }
            int second = b[i + 1] & 0xFF;
            if (second < lo || second > hi) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                int cont = b[i + k] & 0xFF;
                if (cont < 0x80 || cont > 0xBF) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }

    private static boolean validUtf8(byte[] b, int from, int to) {
        return firstUndecodable(b, from, to, true, StandardCharsets.UTF_8) < 0;
    }

    private static int lineOf(byte[] b, int from, int offset) {
        int line = 1;
        for (int i = from; i < offset; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int skipWhitespace(byte[] b, int i, int length) {
        while (i < length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] b, int start, int length, String ascii) {
        if (length - start < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[start + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksDelimited(String line) {
        return line.indexOf(',') >= 0 || line.indexOf(';') >= 0 || line.indexOf('\t') >= 0 || line.indexOf('|') >= 0;
    }

    private static String latin1(byte[] b, int start, int length) {
        return new String(b, start, length - start, StandardCharsets.ISO_8859_1);
    }

    /** At most a few characters, digits masked: enough to recognise a format, never an account number. */
    static String maskedPrefix(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < SHOWN_PREFIX_CHARS; i++) {
            char c = s.charAt(i);
            out.append(Character.isDigit(c) ? '#' : (c < 0x20 || c == 0x7F || c == '"' || c == '\\') ? '?' : c);
        }
        return out.toString();
    }

    /** Names that are not file data (an encoding name, a SWIFT message type): printable ASCII, short. */
    private static String safe(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && i < 40; i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? c : '?');
        }
        return out.toString();
    }

    private static String hex(byte[] b, int start, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(String.format("%02X", b[start + i] & 0xFF));
        }
        return out.toString();
    }

    private static Charset charsetNamed(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}

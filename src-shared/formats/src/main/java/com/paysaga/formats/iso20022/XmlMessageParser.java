package com.paysaga.formats.iso20022;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.paysaga.formats.FormatParser;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;

/**
 * Drives an {@link XmlWalk} with StAX events. The character set comes from the XML declaration
 * or byte-order mark (XML 1.0 appendix F), as the XML spec requires; a declared charset in the
 * partner profile is not applied to XML. Malformed XML, truncation and bad bytes become one
 * error with the path and line where reading stopped.
 */
abstract class XmlMessageParser implements FormatParser {

    /** ISO 20022 text fields are at most a few hundred characters; anything far longer is not a bank file. */
    static final int MAX_TEXT = 10_000;

    abstract XmlWalk newWalk(ValidationReport report, ParseOptions options, TransactionSink sink);

    @Override
    public ValidationReport parse(InputStream in, ParseOptions options, TransactionSink sink) throws IOException {
        ValidationReport report = new ValidationReport(format(), options.maxIssues());
        XmlWalk walk = newWalk(report, options, sink);
        FailureTrackingInputStream source = new FailureTrackingInputStream(in);
        XMLInputFactory factory = SafeXml.inputFactory();
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(source);
            run(reader, walk);
            walk.finish();
        } catch (XmlWalk.Stop stop) {
            // The report says why.
        } catch (XMLStreamException e) {
            if (source.failure() != null) {
                throw source.failure();
            }
            report.error(walk.location() + position(e.getLocation()), "", "malformed XML: " + reason(e));
        } catch (RuntimeException e) {
            if (source.failure() != null) {
                throw source.failure();
            }
            // Aalto reports errors found while lazily reading text as an unchecked wrapper.
            if (e.getCause() instanceof XMLStreamException cause) {
                report.error(walk.location() + position(cause.getLocation()), "", "malformed XML: " + reason(cause));
            } else {
                report.error(walk.location() + position(reader == null ? null : safeLocation(reader)), "",
                        "unreadable XML: " + e.getClass().getSimpleName());
            }
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // Closing releases parser buffers only; the input stream is the caller's.
                }
            }
        }
        return report;
    }

    /**
     * Feeds the walk the ISO 20022 {@code Document} and what it contains, at depths counted from
     * it. A Document inside an envelope (a business application header wrapper such as
     * {@code <Envelope><AppHdr/><Document/></Envelope>}) is found up to three levels down; the
     * envelope itself carries no payment data, and locators stay relative to the Document.
     */
    private static void run(XMLStreamReader reader, XmlWalk walk) throws XMLStreamException, IOException {
        StringBuilder text = new StringBuilder(128);
        boolean tooLong = false;
        // Text matters only for elements without children: indentation around child elements is skipped.
        boolean leaf = false;
        String single = null;
        int rawDepth = 0;
        int base = -1;
        String rootName = null;
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    rawDepth++;
                    String name = reader.getLocalName();
                    if (base < 0) {
                        if (rootName == null) {
                            rootName = name;
                        }
                        boolean isoDocument = name.equals("Document") && reader.getNamespaceURI() != null
                                && reader.getNamespaceURI().startsWith(XmlWalk.NAMESPACE_PREFIX);
                        if (isoDocument && rawDepth <= 4) {
                            base = rawDepth - 1;
                        } else if (rawDepth == 1 && name.equals("Document")) {
                            base = 0;
                        } else {
                            if (rawDepth > 4) {
                                walk.start(1, rootName, reader);
                            }
                            continue;
                        }
                    } else if (rawDepth <= base) {
                        continue;
                    }
                    if (walk.depth >= XmlWalk.MAX_DEPTH) {
                        walk.error(walk.location(), name, "elements nested deeper than " + XmlWalk.MAX_DEPTH);
                        throw new XmlWalk.Stop();
                    }
                    int depth = ++walk.depth;
                    // Written only when changed: a reference store into these long-lived arrays costs a
                    // GC write barrier, and the same names recur at the same depths element after element.
                    if (walk.names[depth] != name) {
                        walk.names[depth] = name;
                    }
                    String currency = reader.getAttributeCount() > 0 ? reader.getAttributeValue(null, "Ccy") : null;
                    if (walk.ccy[depth] != currency) {
                        walk.ccy[depth] = currency;
                    }
                    if (text.length() > 0) {
                        text.setLength(0);
                    }
                    single = null;
                    tooLong = false;
                    leaf = true;
                    walk.start(depth, name, reader);
                    walk.track(depth, name);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (leaf) {
                        int length = reader.getTextLength();
                        if (text.length() + length + (single == null ? 0 : single.length()) > MAX_TEXT) {
                            tooLong = true;
                        } else if (single == null && text.length() == 0) {
                            // Indentation after a parent's start tag arrives here before we know the element
                            // has children; leading whitespace is trimmed anyway, so it needs no String.
                            if (!reader.isWhiteSpace()) {
                                // Almost every leaf has one text event: keep its String, skip the builder.
                                single = reader.getText();
                            }
                        } else {
                            if (single != null) {
                                text.append(single);
                                single = null;
                            }
                            text.append(reader.getTextCharacters(), reader.getTextStart(), length);
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    rawDepth--;
                    if (base < 0 || rawDepth < base) {
                        continue;
                    }
                    int depth = walk.depth;
                    String name = walk.names[depth];
                    if (tooLong) {
                        walk.error(walk.location(), name, "element text longer than " + MAX_TEXT + " characters");
                        walk.end(depth, name, null);
                    } else {
                        walk.end(depth, name, !leaf ? null : single != null ? trimmed(single) : trimmed(text));
                    }
                    if (text.length() > 0) {
                        text.setLength(0);
                    }
                    single = null;
                    tooLong = false;
                    leaf = false;
                    walk.depth--;
                    if (rawDepth == base) {
                        // The Document is complete; an envelope's closing tags follow.
                        base = Integer.MAX_VALUE;
                    }
                }
                default -> {
                    // Comments, processing instructions and the ignored DOCTYPE carry no payment data.
                }
            }
        }
    }

    private static String trimmed(String text) {
        int end = text.length();
        if (end > 0 && text.charAt(0) > ' ' && text.charAt(end - 1) > ' ') {
            return text;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String trimmed(StringBuilder text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        return start == end ? null : text.substring(start, end);
    }

    private static Location safeLocation(XMLStreamReader reader) {
        try {
            return reader.getLocation();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String position(Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }

    /** The parser's reason without its own position suffix; the position is reported separately. */
    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int at = message.indexOf("\n at [row,col");
        String reason = (at >= 0 ? message.substring(0, at) : message).strip();
        if (reason.contains("entity reference")) {
            // DTDs are off, so no entity other than the five predefined ones exists (XXE defence).
            return "entity references are not allowed (DTDs and external entities are disabled)";
        }
        return reason.length() > 200 ? reason.substring(0, 200) + "..." : reason;
    }
}

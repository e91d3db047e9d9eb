package com.paysaga.shared.format.iso20022;

import javax.xml.stream.XMLInputFactory;

/**
 * The one place that configures StAX for untrusted bank files. DTDs and external entities are
 * off (OWASP XXE prevention: no entity expansion, no file or network access from a DOCTYPE).
 * The JDK's own implementation is chosen explicitly so that a StAX provider arriving on the
 * classpath through some other dependency cannot change these semantics unnoticed.
 */
final class SafeXml {

    private SafeXml() {
    }

    static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        // Problems become report entries; without a reporter the JDK also prints them to stderr.
        factory.setXMLReporter((message, type, info, location) -> { });
        return factory;
    }
}

package com.paysaga.formats.iso20022;

import java.util.Set;

/**
 * An ISO 20022 message identifier from the Document namespace, e.g.
 * {@code urn:iso:std:iso:20022:tech:xsd:camt.053.001.08} is camt.053, variant 001, version 08.
 */
record MessageId(String message, int version) {

    /** Null when the namespace is not an ISO 20022 message namespace. */
    static MessageId fromNamespace(String namespace) {
        if (namespace == null || !namespace.startsWith(XmlWalk.NAMESPACE_PREFIX)) {
            return null;
        }
        String id = namespace.substring(XmlWalk.NAMESPACE_PREFIX.length());
        // <area>.<number>.<variant>.<version>, e.g. pain.001.001.09
        String[] parts = id.split("\\.");
        if (parts.length != 4 || !parts[2].equals("001") || !parts[3].matches("\\d{2}")) {
            return null;
        }
        return new MessageId(parts[0] + "." + parts[1], Integer.parseInt(parts[3]));
    }

    boolean supported(Set<Integer> versions) {
        return versions.contains(version);
    }

    @Override
    public String toString() {
        return message + ".001." + (version < 10 ? "0" : "") + version;
    }
}

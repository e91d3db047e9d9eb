package com.paysaga.provision;

/** Property values as YAML gives them: strings, numbers and booleans that may arrive as text. */
final class TemplateValues {

    private TemplateValues() {
    }

    static String str(Object o) {
        if (o == null) {
            throw new TemplateException("a required property is missing");
        }
        return String.valueOf(o);
    }

    static String optStr(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static boolean bool(Object o) {
        return o instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(o));
    }

    static int integer(Object o) {
        return o instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(o));
    }
}

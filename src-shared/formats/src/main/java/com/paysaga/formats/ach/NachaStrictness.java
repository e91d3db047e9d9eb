package com.paysaga.formats.ach;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Named options that reject what the Operating Rules let the ACH Operator or the RDFI supply or
 * ignore, and what PaySaga therefore accepts with a warning by default. For a partner whose
 * files must be complete before they reach the operator. Given like leniencies, in
 * {@link com.paysaga.formats.ParseOptions#leniencies()} (a partner profile's {@code nachaLeniency},
 * {@code parse --strict}), but never switched on by a "every leniency" setting: they are the
 * opposite of one.
 */
public final class NachaStrictness {

    /** Reject a TEL or WEB debit whose Payment Type Code is blank (the Rules read it as a single entry). */
    public static final String STRICT_PAYMENT_TYPE_CODE = "STRICT_PAYMENT_TYPE_CODE";
    /**
     * Reject a blank, zero, invalid or past Effective Entry Date (the ACH Operator settles such a
     * batch at its next settlement opportunity).
     */
    public static final String STRICT_EFFECTIVE_ENTRY_DATE = "STRICT_EFFECTIVE_ENTRY_DATE";
    /**
     * Reject a blank or invalid Settlement Date: for files delivered by the ACH Operator, which
     * inserts it (an originator leaves it blank).
     */
    public static final String STRICT_SETTLEMENT_DATE = "STRICT_SETTLEMENT_DATE";

    private static final Map<String, String> DESCRIPTIONS = descriptions();

    private NachaStrictness() {
    }

    /** Every option name with a one-line description, sorted by name. */
    public static Map<String, String> all() {
        return DESCRIPTIONS;
    }

    public static boolean known(String option) {
        return DESCRIPTIONS.containsKey(option);
    }

    public static Set<String> names() {
        return DESCRIPTIONS.keySet();
    }

    private static Map<String, String> descriptions() {
        Map<String, String> m = new TreeMap<>();
        m.put(STRICT_PAYMENT_TYPE_CODE, "reject a TEL or WEB debit with a blank Payment Type Code");
        m.put(STRICT_EFFECTIVE_ENTRY_DATE, "reject a blank, zero, invalid or past Effective Entry Date");
        m.put(STRICT_SETTLEMENT_DATE, "reject a blank or invalid Settlement Date (files from the ACH Operator)");
        return Collections.unmodifiableMap(m);
    }
}

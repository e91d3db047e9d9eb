package com.paysaga.local.e2e;

import java.nio.charset.StandardCharsets;

/**
 * Distinct, still valid NACHA files made from a valid sample: the individual name of entry
 * records (positions 55–76) is free text outside every control total, so rewriting it gives a
 * new file (a new fileId) with the same transactions.
 */
final class NachaVariants {

    private NachaVariants() {
    }

    static byte[] variant(byte[] sample, String tag) {
        String[] lines = new String(sample, StandardCharsets.US_ASCII).split("\n", -1);
        StringBuilder out = new StringBuilder();
        int entry = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean cr = line.endsWith("\r");
            String record = cr ? line.substring(0, line.length() - 1) : line;
            if (record.length() == 94 && record.charAt(0) == '6') {
                entry++;
                String name = String.format("%-22.22s", ("E2E " + tag + " " + entry).toUpperCase());
                record = record.substring(0, 54) + name + record.substring(76);
            }
            out.append(record).append(cr ? "\r" : "");
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

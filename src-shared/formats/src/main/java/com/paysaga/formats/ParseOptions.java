package com.paysaga.formats;

import java.nio.charset.Charset;
import java.util.Optional;
import java.util.Set;

/**
 * @param fileId     content-derived id of the file; the seed of every transaction id
 * @param fileName   for messages only
 * @param leniencies named, partner-profile options that relax one strict rule each
 *                   (e.g. NACHA's {@code MISSING_BLOCK_FILLER}); strict by default
 * @param maxIssues  errors (and separately warnings) kept in the report
 * @param charset    declared character set; detected when empty
 * @param csvMapping name of the processor CSV column mapping, when the file is CSV
 */
public record ParseOptions(String fileId, String fileName, Set<String> leniencies, int maxIssues,
        Optional<Charset> charset, Optional<String> csvMapping) {

    public static final int DEFAULT_MAX_ISSUES = 100;

    public ParseOptions {
        leniencies = Set.copyOf(leniencies);
    }

    public static ParseOptions strict(String fileId, String fileName) {
        return new ParseOptions(fileId, fileName, Set.of(), DEFAULT_MAX_ISSUES, Optional.empty(), Optional.empty());
    }

    public boolean lenient(String option) {
        return leniencies.contains(option);
    }
}

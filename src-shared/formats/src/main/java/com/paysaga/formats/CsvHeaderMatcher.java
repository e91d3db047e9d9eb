package com.paysaga.formats;

import java.util.Optional;

/**
 * Recognises a processor CSV file by its header line. Processor CSV has no standard, so the only
 * content signature is a header that one of the declared column mappings names; the CSV package
 * provides the implementation backed by its mapping catalogue.
 */
@FunctionalInterface
public interface CsvHeaderMatcher {

    /** Matches nothing: used until a mapping catalogue is registered. */
    CsvHeaderMatcher NONE = headerLine -> Optional.empty();

    /**
     * @param headerLine the first non-blank line of the file, decoded, without its line end
     * @return the name of the mapping whose header this is
     */
    Optional<String> mappingFor(String headerLine);
}

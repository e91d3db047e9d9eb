package com.paysaga.formats;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

/**
 * What {@link FormatDetector} saw at the start of a file.
 *
 * @param format         the format recognised by content; empty when none matched
 * @param charset        declared (options or XML declaration) or detected (BOM, UTF-8 validity)
 * @param bomLength      bytes of a UTF-8 byte-order mark to skip before parsing (0 or 3)
 * @param csvMapping     for processor CSV: the mapping whose header matched (or the declared one)
 * @param seen           a short description of the content, safe to log and show: never more of
 *                       the raw data than a few characters with digits masked
 * @param encodingErrors problems that make the bytes unreadable as text in a supported charset
 *                       (UTF-16, a declared charset the bytes contradict); each rejects the file
 * @param encodingNotes  how the charset was decided when that is worth a warning
 */
public record Detection(Optional<Format> format, Charset charset, int bomLength, Optional<String> csvMapping,
        String seen, List<String> encodingErrors, List<String> encodingNotes) {

    public Detection {
        encodingErrors = List.copyOf(encodingErrors);
        encodingNotes = List.copyOf(encodingNotes);
    }

    public boolean readable() {
        return encodingErrors.isEmpty();
    }
}

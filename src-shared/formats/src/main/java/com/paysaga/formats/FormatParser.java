package com.paysaga.formats;

import java.io.IOException;
import java.io.InputStream;

/**
 * A streaming parser and validator of one format. It never throws for bad input: every problem
 * in the file (random bytes, truncation, a 10 MB line, a wrong encoding) ends up in the report.
 * Only an I/O failure of the stream or the sink escapes.
 */
public interface FormatParser {

    Format format();

    ValidationReport parse(InputStream in, ParseOptions options, TransactionSink sink) throws IOException;
}

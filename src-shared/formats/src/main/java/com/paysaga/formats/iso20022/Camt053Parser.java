package com.paysaga.formats.iso20022;

import com.paysaga.formats.Format;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;

/** camt.053, versions .001.02 to .001.08; one transaction per TxDtls, see {@link CamtWalk}. */
public final class Camt053Parser extends XmlMessageParser {

    @Override
    public Format format() {
        return Format.CAMT_053;
    }

    @Override
    XmlWalk newWalk(ValidationReport report, ParseOptions options, TransactionSink sink) {
        return new CamtWalk(Format.CAMT_053, report, options, sink);
    }
}

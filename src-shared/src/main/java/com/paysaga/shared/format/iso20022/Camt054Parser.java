package com.paysaga.shared.format.iso20022;

import com.paysaga.shared.format.Format;
import com.paysaga.shared.format.ParseOptions;
import com.paysaga.shared.format.TransactionSink;
import com.paysaga.shared.format.ValidationReport;

/** camt.054, versions .001.02 to .001.08; one transaction per TxDtls, see {@link CamtWalk}. */
public final class Camt054Parser extends XmlMessageParser {

    @Override
    public Format format() {
        return Format.CAMT_054;
    }

    @Override
    XmlWalk newWalk(ValidationReport report, ParseOptions options, TransactionSink sink) {
        return new CamtWalk(Format.CAMT_054, report, options, sink);
    }
}

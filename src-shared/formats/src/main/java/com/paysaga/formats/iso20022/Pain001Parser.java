package com.paysaga.formats.iso20022;

import com.paysaga.formats.Format;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.TransactionSink;
import com.paysaga.formats.ValidationReport;

/** pain.001 customer credit transfer initiation, versions .001.03, .001.09 and .001.11; see {@link PainWalk}. */
public final class Pain001Parser extends XmlMessageParser {

    @Override
    public Format format() {
        return Format.PAIN_001;
    }

    @Override
    XmlWalk newWalk(ValidationReport report, ParseOptions options, TransactionSink sink) {
        return new PainWalk(report, options, sink);
    }
}

package com.paysaga.batch;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.paysaga.shared.format.CsvHeaderMatcher;
import com.paysaga.shared.format.Format;
import com.paysaga.shared.format.PaymentFileParsers;
import com.paysaga.shared.format.iso20022.Camt053Parser;
import com.paysaga.shared.format.iso20022.Pain001Parser;

/**
 * The tests parse ISO 20022 samples with these parsers directly, independent of which formats
 * {@link PaymentFileParsers#standard()} registers at a given moment (the format parsers are
 * written concurrently); replaces the application's default bean.
 */
public class TestParsers {

    @Produces
    @Singleton
    PaymentFileParsers parsers() {
        return new PaymentFileParsers(Map.of(Format.PAIN_001, Pain001Parser::new, Format.CAMT_053, Camt053Parser::new),
                CsvHeaderMatcher.NONE);
    }
}

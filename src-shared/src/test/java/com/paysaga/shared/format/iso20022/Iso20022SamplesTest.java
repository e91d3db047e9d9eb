package com.paysaga.shared.format.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.shared.format.FormatParser;

class Iso20022SamplesTest {

    static List<Path> samples() throws IOException {
        return SampleFixtures.samples("iso20022");
    }

    static FormatParser parserFor(Path sample) {
        String name = sample.getFileName().toString();
        if (name.startsWith("pain001")) {
            return new Pain001Parser();
        }
        if (name.startsWith("camt053")) {
            return new Camt053Parser();
        }
        if (name.startsWith("camt054")) {
            return new Camt054Parser();
        }
        throw new IllegalArgumentException("no parser for sample " + name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleSummaryMatchesItsFixture(Path sample) throws IOException {
        SampleFixtures.Parsed parsed = SampleFixtures.parse(parserFor(sample), sample, SampleFixtures.options(sample));
        JsonNode actual = SampleFixtures.summary(parsed.report());

        assertThat(actual).isEqualTo(SampleFixtures.expected(sample, actual));
        assertThat(parsed.transactions()).hasSize((int) parsed.report().transactions());
    }
}

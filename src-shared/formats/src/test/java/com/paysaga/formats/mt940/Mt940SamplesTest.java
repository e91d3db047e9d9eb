package com.paysaga.formats.mt940;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.formats.iso20022.SampleFixtures;

class Mt940SamplesTest {

    static List<Path> samples() throws IOException {
        return SampleFixtures.samples("mt940");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void parseSummaryOfSampleMatchesItsFixture(Path sample) throws IOException {
        SampleFixtures.Parsed parsed = SampleFixtures.parseDetected(sample, SampleFixtures.options(sample));
        JsonNode actual = SampleFixtures.summary(parsed.report());

        assertThat(actual).isEqualTo(SampleFixtures.expected(sample, actual));
        assertThat(parsed.transactions()).hasSize((int) parsed.report().transactions());
    }
}

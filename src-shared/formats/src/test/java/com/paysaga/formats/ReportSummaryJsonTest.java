package com.paysaga.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.formats.domain.Direction;

class ReportSummaryJsonTest {

    @Test
    void summaryHasTheIssuesShapeWithCountersBetweenTransactionsAndTotals() throws IOException {
        ValidationReport report = new ValidationReport(Format.NACHA, 100);
        report.counter("batches", 1);
        report.counter("entries", 2);
        report.counter("addenda", 0);
        report.countTransaction(Direction.DEBIT, "USD", 100_000_000L);
        report.countTransaction(Direction.DEBIT, "USD", 100_000_000L);
        report.warning("line 3", "", "record is 91 characters; trailing blanks restored");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new ReportSummaryJson().write(report, out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"format\":\"NACHA\",\"valid\":true,\"transactions\":2,"
                + "\"batches\":1,\"entries\":2,\"addenda\":0,\"totals\":{\"USD\":{\"debit\":200000000,\"credit\":0}},"
                + "\"errors\":[],\"warnings\":[{\"location\":\"line 3\",\"field\":\"\","
                + "\"message\":\"record is 91 characters; trailing blanks restored\"}]}\n");
    }

    @Test
    void statedControlFiguresAndTheTotalsDirectionComeBetweenCountersAndTotals() throws IOException {
        ValidationReport report = new ValidationReport(Format.NACHA, 100);
        report.counter("batches", 1);
        java.util.Map<String, Long> control = new java.util.LinkedHashMap<>();
        control.put("batchCount", 1L);
        control.put("entryHash", null);
        report.statedControl("fileControl", control);
        report.totalsDirection("ORIGINATOR_ACCOUNT");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new ReportSummaryJson().write(report, out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"format\":\"NACHA\",\"valid\":true,\"transactions\":0,"
                + "\"batches\":1,\"fileControl\":{\"batchCount\":1,\"entryHash\":null},"
                + "\"totalsDirection\":\"ORIGINATOR_ACCOUNT\",\"totals\":{},\"errors\":[],\"warnings\":[]}\n");
    }

    @Test
    void onlyTheIssueLimitIsListedButValidityCountsEveryError() throws IOException {
        ValidationReport report = new ValidationReport(Format.BAI2, 2);
        for (int i = 1; i <= 5; i++) {
            report.error("line " + i, "f", "bad");
        }

        var json = new ReportSummaryJson(new ObjectMapper()).toJson(report);

        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("errors")).hasSize(2);
        assertThat(json.has("batches")).isFalse();
        assertThat(json.has("totalsDirection")).isFalse();
    }
}

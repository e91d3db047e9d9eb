package com.paysaga.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code local/paysaga parse}, run in-process on the committed samples of events/files/ach. */
class ParseCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) {
        CommandLine cli = PaySagaCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String ach(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events/files/ach"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("events/files/ach not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("events/files/ach").resolve(name).toString();
    }

    @Test
    void summaryOfAValidFileIsExactlyOneJsonObjectOfTheIssuesShapeAndExitsZero() throws IOException {
        Run r = run("parse", ach("ppd-payroll.ach"), "--summary");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip().lines()).hasSize(1);
        assertThat(r.json()).isEqualTo(JSON.readTree("""
                {"format": "NACHA", "valid": true, "transactions": 2, "batches": 1, "entries": 2, "addenda": 0,
                 "fileControl": {"batchCount": 1, "blockCount": 1, "entryAddendaCount": 2, "entryHash": 25238012,
                                 "debit": 0, "credit": 200000000, "entries": 2},
                 "totalsDirection": "ORIGINATOR_ACCOUNT",
                 "totals": {"USD": {"debit": 200000000, "credit": 0}},
                 "errors": [], "warnings": []}"""));
        List<String> keys = iterable(r.json().fieldNames());
        assertThat(keys).containsExactly("format", "valid", "transactions", "batches", "entries", "addenda", "fileControl",
                "totalsDirection", "totals", "errors", "warnings");
        assertThat(r.err()).contains("ppd-payroll.ach: NACHA, 2 transactions, valid");
    }

    @Test
    void summaryOfAnInvalidFileIsStillPrintedAndExitsOne() throws IOException {
        Run r = run("parse", ach("bad-entry-hash.ach"), "--summary");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().get("valid").asBoolean()).isFalse();
        assertThat(r.json().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("location").asText()).isEqualTo("line 5");
            assertThat(e.get("field").asText()).isEqualTo("Entry Hash");
            assertThat(e.get("message").asText()).startsWith("is 0099999999, computed 0025238012");
        });
    }

    @Test
    void strippedBlanksAreWarningsInTheSummary() throws IOException {
        Run r = run("parse", ach("stripped-blanks.ach"), "--summary");

        assertThat(r.exit()).isZero();
        assertThat(r.json().get("warnings").get(0)).isEqualTo(JSON.readTree("""
                {"location": "line 1", "field": "", "message": "record is 82 characters; trailing blanks restored"}"""));
    }

    @Test
    void withoutSummaryTransactionsAreNdjsonWithAccountNumbersMasked() throws IOException {
        Run r = run("parse", ach("ppd-payroll.ach"));

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().strip().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("creditorAccount").asText()).isEqualTo("****5678");
        assertThat(first.get("amountMinor").asLong()).isEqualTo(100_000_000L);
        assertThat(first.get("direction").asText()).isEqualTo("DEBIT");
        assertThat(first.get("bookingDate").asText()).isEqualTo("2026-03-03");
        assertThat(first.get("sourceLocator").asText()).isEqualTo("line 3");
        assertThat(first.get("txnId").asText()).matches("[0-9a-f]{64}:[0-9a-f]{20}");
        assertThat(r.out()).doesNotContain("\"12345678\"", "\"987654321\"");
    }

    @Test
    void anInvalidFilePrintsNoTransactionsAndItsErrorsOnStandardError() {
        Run r = run("parse", ach("truncated.ach"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no file control record", "rejected as a whole");
    }

    @Test
    void aNamedLeniencyAcceptsWhatStrictRejects() throws IOException {
        assertThat(run("parse", ach("missing-padding.ach"), "--summary").exit()).isEqualTo(1);

        Run lenient = run("parse", ach("missing-padding.ach"), "--summary", "--lenient", "missing_block_filler,BLOCK_COUNT");

        assertThat(lenient.exit()).isZero();
        assertThat(lenient.json().get("warnings").get(0).get("message").asText()).endsWith("(accepted: MISSING_BLOCK_FILLER)");
    }

    @Test
    void aStrictOptionRejectsWhatTheRulesLetTheOperatorSupply() throws IOException {
        assertThat(run("parse", ach("past-effective-date.ach"), "--summary").exit()).isZero();

        Run strict = run("parse", ach("past-effective-date.ach"), "--summary", "--strict", "strict_effective_entry_date");

        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.json().get("errors").get(0).get("message").asText())
                .endsWith("(rejected: STRICT_EFFECTIVE_ENTRY_DATE)");
        assertThat(run("parse", ach("ppd-payroll.ach"), "--strict", "NO_SUCH_OPTION").exit()).isEqualTo(2);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("parse", ach("ppd-payroll.ach"), "--lenient", "NO_SUCH_OPTION").exit()).isEqualTo(2);
        assertThat(run("parse", ach("ppd-payroll.ach"), "--format", "XLS").exit()).isEqualTo(2);
        assertThat(run("parse", ach("ppd-payroll.ach"), "--charset", "UTF-16").exit()).isEqualTo(2);
        assertThat(run("parse", ach("no-such-file.ach")).exit()).isEqualTo(2);
        assertThat(run("parse").exit()).isEqualTo(2);
    }

    @Test
    void randomBytesForcedAsNachaGiveACleanInvalidSummary(@TempDir Path tmp) throws IOException {
        byte[] noise = new byte[50_000];
        new Random(7).nextBytes(noise);
        Path file = Files.write(tmp.resolve("noise.bin"), noise);

        Run r = run("parse", file.toString(), "--summary", "--format", "ach");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().get("format").asText()).isEqualTo("NACHA");
        assertThat(r.json().get("errors").size()).isEqualTo(100);
    }

    @Test
    void anUnrecognisedFileIsReportedAsAnUnknownFormat(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "Dear partner, 1234567890 is my account\n");

        Run r = run("parse", file.toString(), "--summary");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json().get("format").asText()).isEqualTo("UNKNOWN");
        String message = r.json().get("errors").get(0).get("message").asText();
        assertThat(message).startsWith("unknown format: text whose first line starts with \"Dear par\"")
                .doesNotContain("1234567890");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}

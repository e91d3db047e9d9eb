package com.paysaga.saga.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.formats.CsvHeaderMatcher;
import com.paysaga.formats.Format;
import com.paysaga.formats.PaymentFileParsers;
import com.paysaga.formats.iso20022.Pain001Parser;
import com.paysaga.security.TokenVault;
import com.paysaga.security.Tokenization;
import com.paysaga.security.Tokenizer;

class TransformPipelineTest {

    static final String FILE_ID = "ab".repeat(32);
    static final List<String> ACCOUNTS = List.of("DE89370400440532013000", "NL91ABNA0417164300", "BE68539007547034",
            "CH9300762011623852957", "8004-4411-2");

    @TempDir
    Path root;

    private final ObjectMapper json = StagingJson.mapper();
    private final PaymentFileParsers parsers = new PaymentFileParsers(Map.of(Format.PAIN_001, Pain001Parser::new),
            CsvHeaderMatcher.NONE);

    private static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(projectRoot().resolve("events/files/iso20022/" + name));
    }

    static Path projectRoot() {
        String root = System.getenv("PAYSAGA_ROOT");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }

    private TransformPipeline.Outcome run(ObjectStore store, byte[] file, int chunkSize, List<String> vaulted) throws IOException {
        TokenVault vault = new TokenVault() {
            @Override
            public void put(String token, SensitiveValue value) {
                vaulted.add(token);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Tokenization tokenization = new Tokenization(new Tokenizer("v1", new byte[32]), vault);
        TransformPipeline.Request r = new TransformPipeline.Request(FILE_ID, "test", "file.xml", Optional.of(Format.PAIN_001),
                Optional.empty(), Set.of(), Optional.empty(), chunkSize, "staging", Optional.empty());
        return new TransformPipeline(store, parsers, json).run(new ByteArrayInputStream(file), r, tokenization, ProgressListener.NONE);
    }

    @Test
    void validFileBecomesTokenizedChunksThenChunkListThenManifest() throws IOException {
        ObjectStore store = new FileSystemObjectStore(root);
        List<String> vaulted = new ArrayList<>();
        TransformPipeline.Outcome outcome = run(store, sample("pain001-v03-sepa-two-batches.xml"), 2, vaulted);

        assertThat(outcome.valid()).isTrue();
        assertThat(store.list("staging", "staging/" + FILE_ID + "/")).containsExactly(
                ObjectLayout.chunkKey(FILE_ID, 1), ObjectLayout.chunkKey(FILE_ID, 2), ObjectLayout.chunkListKey(FILE_ID),
                ObjectLayout.manifestKey(FILE_ID));
        JsonNode manifest = json.readTree(store.readAll(ObjectRef.of("staging", ObjectLayout.manifestKey(FILE_ID))));
        assertThat(manifest.get("transactions").asLong()).isEqualTo(3);
        assertThat(manifest.get("tokenKeyVersion").asText()).isEqualTo("v1");
        assertThat(manifest.at("/totals/EUR/debit").asLong()).isEqualTo(125050);
        assertThat(manifest.get("chunks")).hasSize(2);
        assertThat(manifest.at("/chunks/0/transactions").asLong()).isEqualTo(2);
        String chunk1 = new String(store.readAll(ObjectRef.of("staging", ObjectLayout.chunkKey(FILE_ID, 1))), StandardCharsets.UTF_8);
        assertThat(chunk1.lines()).hasSize(2);
        JsonNode first = json.readTree(chunk1.lines().findFirst().orElseThrow());
        assertThat(first.get("debtorAccountToken").asText()).startsWith("tok_v1_");
        assertThat(first.get("debtorAccountLast4").asText()).isEqualTo("3000");
        assertThat(vaulted).isNotEmpty().allMatch(t -> t.startsWith("tok_v1_"));
        String everything = new String(store.readAll(ObjectRef.of("staging", ObjectLayout.chunkKey(FILE_ID, 2))), StandardCharsets.UTF_8)
                + chunk1 + manifest;
        for (String account : ACCOUNTS) {
            assertThat(everything).doesNotContain(account).doesNotContain(account.replace("-", ""));
        }
    }

    @Test
    void rerunWithSmallerChunkCountDeletesStaleChunks() throws IOException {
        ObjectStore store = new FileSystemObjectStore(root);
        run(store, sample("pain001-v03-sepa-two-batches.xml"), 1, new ArrayList<>());
        assertThat(store.list("staging", "staging/" + FILE_ID + "/chunk-")).hasSize(3);

        run(store, sample("pain001-v03-sepa-two-batches.xml"), 1000, new ArrayList<>());
        assertThat(store.list("staging", "staging/" + FILE_ID + "/chunk-")).containsExactly(ObjectLayout.chunkKey(FILE_ID, 1));
    }

    @Test
    void invalidFileLeavesOnlyTheValidationReport() throws IOException {
        ObjectStore store = new FileSystemObjectStore(root);
        run(store, sample("pain001-v03-sepa-two-batches.xml"), 1, new ArrayList<>());
        TransformPipeline.Outcome outcome = run(store, sample("pain001-v03-bad-controls.xml"), 1, new ArrayList<>());

        assertThat(outcome.valid()).isFalse();
        assertThat(store.list("staging", "staging/" + FILE_ID + "/")).containsExactly(ObjectLayout.validationReportKey(FILE_ID));
        JsonNode report = json.readTree(store.readAll(ObjectRef.of("staging", ObjectLayout.validationReportKey(FILE_ID))));
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.at("/errors/0/field").asText()).isEqualTo("CtrlSum");
    }

    @Test
    void contentOfAnotherFormatThanTheProfileSaysIsRejected() throws IOException {
        ObjectStore store = new FileSystemObjectStore(root);
        PaymentFileParsers both = new PaymentFileParsers(Map.of(Format.PAIN_001, Pain001Parser::new,
                Format.CAMT_053, com.paysaga.formats.iso20022.Camt053Parser::new), CsvHeaderMatcher.NONE);
        Tokenization tokenization = new Tokenization(new Tokenizer("v1", new byte[32]), TokenVault.NONE);
        TransformPipeline.Request r = new TransformPipeline.Request(FILE_ID, "test", "file.xml", Optional.of(Format.PAIN_001),
                Optional.empty(), Set.of(), Optional.empty(), 10, "staging", Optional.empty());
        TransformPipeline.Outcome outcome = new TransformPipeline(store, both, json).run(
                new ByteArrayInputStream(sample("camt053-v02-statement.xml")), r, tokenization, ProgressListener.NONE);

        assertThat(outcome.valid()).isFalse();
        assertThat(outcome.report().errors().get(0).message()).contains("CAMT_053").contains("expects PAIN_001");
        assertThat(store.list("staging", "staging/" + FILE_ID + "/chunk-")).isEmpty();
    }
}

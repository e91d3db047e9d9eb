package com.paysaga.saga.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ObjectLayoutTest {

    static final String FILE_ID = "ab".repeat(32);

    @Test
    void everyKeyIsSpelledAsTheS3LayoutTableOfDocsContracts() throws IOException {
        String doc = Files.readString(TransformPipelineTest.projectRoot().resolve("docs/contracts.md"));
        List<String> keys = List.of(ObjectLayout.inboundKey("<partner>", "<name>"), ObjectLayout.plaintextKey("<fileId>"),
                ObjectLayout.chunkKey("<fileId>", 1), ObjectLayout.manifestKey("<fileId>"),
                ObjectLayout.chunkListKey("<fileId>"), ObjectLayout.validationReportKey("<fileId>"),
                ObjectLayout.PROFILES_KEY, ObjectLayout.partnerPrivateKeyRingKey("<partner>"),
                ObjectLayout.partnerSigningKeyRingKey("<partner>"));
        for (String key : keys) {
            assertThat(doc).as("docs/contracts.md names `%s`", key).contains("| `" + key + "`");
        }
        assertThat(doc).contains("| `archive/<partner>/<yyyy>/<mm>/<dd>/<fileId>` (date of `receivedAt`, UTC)");
    }

    @Test
    void chunksAreNumberedFromOneWithFiveDigits() {
        assertThat(ObjectLayout.chunkKey(FILE_ID, 1)).isEqualTo("staging/" + FILE_ID + "/chunk-00001.ndjson");
        assertThat(ObjectLayout.chunkKey(FILE_ID, 99_999)).isEqualTo("staging/" + FILE_ID + "/chunk-99999.ndjson");
        assertThatThrownBy(() -> ObjectLayout.chunkKey(FILE_ID, 0)).hasMessage("chunk index 0 is outside 1..99999");
        assertThatThrownBy(() -> ObjectLayout.chunkKey(FILE_ID, 100_000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ObjectLayout.isChunkKey(ObjectLayout.chunkKey(FILE_ID, 42))).isTrue();
        assertThat(ObjectLayout.isChunkKey(ObjectLayout.manifestKey(FILE_ID))).isFalse();
        assertThat(ObjectLayout.isChunkKey(ObjectLayout.chunkListKey(FILE_ID))).isFalse();
    }

    @Test
    void theArchiveIsDatedByTheReceiptInUtc() {
        Instant lateEveningInNewYork = Instant.parse("2026-03-20T23:30:00-04:00");
        assertThat(ObjectLayout.archiveKey("acme", lateEveningInNewYork, FILE_ID))
                .isEqualTo("archive/acme/2026/03/21/" + FILE_ID);
    }

    @Test
    void anInboundKeyNamesItsPartnerAndFile() {
        String key = ObjectLayout.inboundKey("acme", "payroll-0302.ach");
        assertThat(ObjectLayout.partnerOf(key)).isEqualTo("acme");
        assertThat(ObjectLayout.fileNameOf(key)).isEqualTo("payroll-0302.ach");
        assertThat(ObjectLayout.partnerOf("inbound/payroll.ach")).isNull();
        assertThat(ObjectLayout.partnerOf("inbound/acme/")).isNull();
        assertThat(ObjectLayout.partnerOf("outbound/acme/x.ach")).isNull();
    }

    @Test
    void anObjectIsNamedByItsS3UriAndTheUriNamesTheObject() {
        ObjectRef ref = ObjectRef.of("staging-bucket", ObjectLayout.manifestKey(FILE_ID));
        assertThat(ref.uri()).isEqualTo("s3://staging-bucket/staging/" + FILE_ID + "/manifest.json")
                .isEqualTo(ObjectLayout.s3Uri("staging-bucket", ObjectLayout.manifestKey(FILE_ID)));
        assertThat(ObjectRef.fromUri(ref.uri())).isEqualTo(ref);
        assertThat(new ObjectRef("in", "inbound/acme/a.ach", "v7").versionedUri()).isEqualTo("s3://in/inbound/acme/a.ach?versionId=v7");
        assertThat(ref.versionedUri()).isEqualTo(ref.uri());
    }
}

package com.paysaga.saga.staging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.formats.domain.StagedTransaction;
import com.paysaga.formats.Format;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.PaymentFileParsers;
import com.paysaga.formats.ReportSummaryJson;
import com.paysaga.formats.ValidationReport;
import com.paysaga.security.Tokenization;

/**
 * Transform's work, without AWS specifics: stream the decrypted file through the format parser,
 * replace every account number and PAN by its token, write NDJSON chunks, and publish the chunk
 * list and the manifest (docs/contracts.md) — or, for an invalid file, the validation report and
 * nothing else.
 *
 * <p>Visibility rule: the manifest exists only if every chunk it lists is complete and the file
 * is valid. So the previous run's manifest and chunk list are deleted first, chunks are written,
 * the vault is flushed (every published token is detokenizable), stale chunks of an earlier run
 * with a different chunk size are deleted, and {@code chunks.json} then {@code manifest.json} are
 * written last. An invalid file's chunks are deleted and only the report remains.
 */
public final class TransformPipeline {

    /**
     * @param expectedFormat the format the partner profile (route decision) promises; a file
     *                       detected as another format is rejected
     * @param forcedFormat   operator override ({@code FORMAT}): parse as this, detection only warns
     */
    public record Request(String fileId, String partner, String fileName, Optional<Format> expectedFormat,
            Optional<Format> forcedFormat, Set<String> leniencies, Optional<String> csvMapping, int chunkSize,
            String stagingBucket, Optional<String> kmsKeyId) {
    }

    /** Counts and what was published; {@code manifest} is empty for an invalid file. */
    public record Outcome(ValidationReport report, Optional<Manifest> manifest, ObjectRef reportOrManifest,
            long bytesRead, long chunkBytes) {
        public boolean valid() {
            return manifest.isPresent();
        }
    }

    private final ObjectStore store;
    private final PaymentFileParsers parsers;
    private final ObjectMapper json;

    public TransformPipeline(ObjectStore store, PaymentFileParsers parsers, ObjectMapper json) {
        this.store = store;
        this.parsers = parsers;
        this.json = json;
    }

    public Outcome run(InputStream plaintext, Request r, Tokenization tokenization, ProgressListener progress)
            throws IOException {
        String bucket = r.stagingBucket();
        store.delete(ObjectRef.of(bucket, ObjectLayout.manifestKey(r.fileId())));
        store.delete(ObjectRef.of(bucket, ObjectLayout.chunkListKey(r.fileId())));

        WriteOptions chunkOptions = new WriteOptions(r.kmsKeyId(), "application/x-ndjson", Map.of());
        TrackingInputStream in = new TrackingInputStream(plaintext);
        ParseOptions options = new ParseOptions(r.fileId(), r.fileName(), r.leniencies(), ParseOptions.DEFAULT_MAX_ISSUES,
                Optional.empty(), r.csvMapping());
        ValidationReport report;
        List<ChunkDescriptor> chunks;
        long chunkBytes;
        try (ChunkWriter chunkWriter = new ChunkWriter(store, bucket, r.fileId(), r.chunkSize(), chunkOptions, json)) {
            long[] records = {0};
            report = parsers.parse(in, options, r.forcedFormat(), t -> {
                chunkWriter.write(StagedTransaction.of(t, tokenization));
                if ((++records[0] & 0x1FFF) == 0) {
                    progress.progress(in.bytes(), records[0], chunkWriter.chunksWritten());
                }
            });
            if (report.valid() && r.forcedFormat().isEmpty() && r.expectedFormat().isPresent()
                    && report.format() != r.expectedFormat().get()) {
                report.error("file", "", "the content is " + report.format() + ", but the partner profile of '"
                        + r.partner() + "' expects " + r.expectedFormat().get());
            }
            if (!report.valid()) {
                chunkWriter.close();
                deleteChunks(bucket, r.fileId(), 0);
                ObjectRef reportRef = ObjectRef.of(bucket, ObjectLayout.validationReportKey(r.fileId()));
                ByteArrayOutputStream summary = new ByteArrayOutputStream();
                new ReportSummaryJson(json).write(report, summary);
                store.put(reportRef, summary.toByteArray(), new WriteOptions(r.kmsKeyId(), "application/json", Map.of()));
                return new Outcome(report, Optional.empty(), reportRef, in.bytes(), 0);
            }
            chunks = chunkWriter.finish();
            chunkBytes = chunkWriter.bytesWritten();
            progress.progress(in.bytes(), report.transactions(), chunks.size());
        }
        tokenization.flush();
        deleteChunks(bucket, r.fileId(), chunks.size());
        store.delete(ObjectRef.of(bucket, ObjectLayout.validationReportKey(r.fileId())));

        Map<String, Manifest.Totals> totals = new LinkedHashMap<>();
        report.totals().forEach((ccy, t) -> totals.put(ccy, new Manifest.Totals(t.debit(), t.credit())));
        Manifest manifest = new Manifest(r.fileId(), report.format().name(), r.partner(), r.chunkSize(),
                report.transactions(), tokenization.keyVersion(), totals, chunks);
        WriteOptions jsonOptions = new WriteOptions(r.kmsKeyId(), "application/json", Map.of());
        store.put(ObjectRef.of(bucket, ObjectLayout.chunkListKey(r.fileId())), json.writeValueAsBytes(chunks), jsonOptions);
        ObjectRef manifestRef = ObjectRef.of(bucket, ObjectLayout.manifestKey(r.fileId()));
        store.put(manifestRef, json.writeValueAsBytes(manifest), jsonOptions);
        return new Outcome(report, Optional.of(manifest), manifestRef, in.bytes(), chunkBytes);
    }

    /** Deletes the file's chunks with an index above {@code keep}. */
    private void deleteChunks(String bucket, String fileId, int keep) throws IOException {
        for (String key : store.list(bucket, ObjectLayout.stagingPrefix(fileId))) {
            if (ObjectLayout.isChunkKey(key)) {
                int index = Integer.parseInt(key.substring(key.length() - "00001.ndjson".length(), key.length() - ".ndjson".length()));
                if (index > keep) {
                    store.delete(ObjectRef.of(bucket, key));
                }
            }
        }
    }
}

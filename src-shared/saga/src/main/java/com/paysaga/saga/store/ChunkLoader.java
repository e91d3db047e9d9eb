package com.paysaga.saga.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.formats.domain.Direction;
import com.paysaga.formats.domain.StagedTransaction;
import com.paysaga.saga.staging.ChunkDescriptor;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.staging.StagingJson;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The Load stage for one chunk: every staged transaction of the chunk becomes one item of the
 * transactions table, keyed by its deterministic {@code txnId}, so loading a chunk again
 * overwrites the same items (DESIGN.md §4 guarantee 2). Only {@code loadedAt} and
 * {@code executionName} differ from one load to the next.
 */
public class ChunkLoader {

    /** BatchWriteItem's limit per request. */
    public static final int BATCH_SIZE = 25;

    /** Chunks are read as Transform wrote them; a field this version does not know is an integrity failure. */
    private static final ObjectMapper JSON = StagingJson.mapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** How to wait between retries of unprocessed items; tests pass one that does not sleep. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final S3Client s3;
    private final DynamoDbClient dynamo;
    private final RunStore runs;
    private final String stagingBucket;
    private final String transactionsTable;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Clock clock;

    public ChunkLoader(S3Client s3, DynamoDbClient dynamo, RunStore runs, String stagingBucket, String transactionsTable,
            Backoff backoff, Sleeper sleeper, Clock clock) {
        this.s3 = s3;
        this.dynamo = dynamo;
        this.runs = runs;
        this.stagingBucket = stagingBucket;
        this.transactionsTable = transactionsTable;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * @param settlementWindow the route decision's business date and window ({@code 2026-03-02/SDA-1})
     * @param late             the route decision flagged the file late
     */
    public record LoadRequest(String fileId, ChunkDescriptor chunk, String execution, boolean onlyFailedChunks,
            String settlementWindow, boolean late) {
    }

    public record LoadResult(String fileId, int index, long transactions, int requests, int retries, boolean skipped) {
    }

    public LoadResult load(LoadRequest r) {
        ChunkDescriptor chunk = r.chunk();
        if (r.onlyFailedChunks()) {
            ChunkRecord done = runs.chunks(r.fileId()).get(chunk.index());
            if (done != null && done.status() == StageStatus.SUCCEEDED && done.transactions() == chunk.transactions()) {
                return new LoadResult(r.fileId(), chunk.index(), done.transactions(), 0, 0, true);
            }
        }
        runs.chunkStarted(r.fileId(), chunk.index(), r.execution());
        try {
            List<StagedTransaction> txns = read(r.fileId(), chunk);
            String loadedAt = RunStore.timestamp(clock.instant());
            int requests = 0;
            int retries = 0;
            for (int from = 0; from < txns.size(); from += BATCH_SIZE) {
                List<WriteRequest> batch = new ArrayList<>();
                for (StagedTransaction t : txns.subList(from, Math.min(from + BATCH_SIZE, txns.size()))) {
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                            .item(item(t, r, loadedAt)).build()).build());
                }
                int[] counters = write(batch, r.fileId(), chunk.index());
                requests += counters[0];
                retries += counters[1];
            }
            runs.chunkSucceeded(r.fileId(), chunk.index(), txns.size(), r.execution());
            return new LoadResult(r.fileId(), chunk.index(), txns.size(), requests, retries, false);
        } catch (RuntimeException e) {
            runs.chunkFailed(r.fileId(), chunk.index(), r.execution(), e.getClass().getName() + ": " + e.getMessage());
            throw e;
        }
    }

    /** Writes one batch, retrying what DynamoDB leaves unprocessed; returns {requests, retries}. */
    private int[] write(List<WriteRequest> batch, String fileId, int index) {
        Map<String, List<WriteRequest>> pending = Map.of(transactionsTable, batch);
        int requests = 0;
        for (int attempt = 0; ; attempt++) {
            BatchWriteItemResponse response = dynamo.batchWriteItem(
                    BatchWriteItemRequest.builder().requestItems(pending).build());
            requests++;
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return new int[] {requests, attempt};
            }
            if (attempt + 1 >= backoff.maxAttempts()) {
                int left = response.unprocessedItems().values().stream().mapToInt(List::size).sum();
                throw new UnprocessedItemsException("chunk " + index + " of file " + fileId + ": " + left
                        + " items still unprocessed after " + backoff.maxAttempts() + " BatchWriteItem attempts");
            }
            pending = response.unprocessedItems();
            try {
                sleeper.sleep(backoff.delay(attempt, () -> ThreadLocalRandom.current().nextDouble()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while backing off", e);
            }
        }
    }

    private List<StagedTransaction> read(String fileId, ChunkDescriptor chunk) {
        String expectedKey;
        try {
            expectedKey = ObjectLayout.chunkKey(fileId, chunk.index());
        } catch (IllegalArgumentException e) {
            throw new ChunkIntegrityException("chunk " + chunk.index() + " of file " + fileId + ": " + e.getMessage());
        }
        if (chunk.key() != null && !chunk.key().equals(expectedKey)) {
            throw new ChunkIntegrityException("chunk " + chunk.index() + " of file " + fileId + " names key "
                    + chunk.key() + ", expected " + expectedKey);
        }
        String where = ObjectLayout.s3Uri(stagingBucket, expectedKey);
        List<StagedTransaction> out = new ArrayList<>();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(stagingBucket).key(expectedKey));
                BufferedReader reader = new BufferedReader(
                        new InputStreamReader(new DigestInputStream(in, sha), StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                StagedTransaction t;
                try {
                    t = JSON.readValue(line, StagedTransaction.class);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new ChunkIntegrityException(where + " line " + lineNo + " is not a staged transaction: "
                            + e.getOriginalMessage(), e);
                }
                if (!fileId.equals(t.fileId()) || t.txnId() == null || t.txnId().isBlank()) {
                    throw new ChunkIntegrityException(where + " line " + lineNo + ": transaction "
                            + (t.txnId() == null ? "without txnId" : t.txnId()) + " does not belong to file " + fileId);
                }
                out.add(t);
            }
        } catch (NoSuchKeyException e) {
            throw new ChunkIntegrityException(where + " does not exist (chunk " + chunk.index() + " of the manifest)");
        } catch (IOException e) {
            throw new ChunkIntegrityException("cannot read " + where + ": " + e.getMessage(), e);
        }
        if (chunk.sha256() != null && !chunk.sha256().equalsIgnoreCase(HexFormat.of().formatHex(sha.digest()))) {
            throw new ChunkIntegrityException(where + " does not match the SHA-256 of its manifest entry");
        }
        if (out.size() != chunk.transactions()) {
            throw new ChunkIntegrityException(where + " holds " + out.size() + " transactions, its manifest entry says "
                    + chunk.transactions());
        }
        return out;
    }

    /** The item: the staged transaction's fields (never a clear account number: the type holds none). */
    static Map<String, AttributeValue> item(StagedTransaction t, LoadRequest r, String loadedAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        put(item, "txnId", t.txnId());
        put(item, "fileId", t.fileId());
        item.put("seq", AttributeValue.fromN(Long.toString(t.seq())));
        put(item, "sourceLocator", t.sourceLocator());
        put(item, "format", t.format());
        put(item, "paymentType", t.paymentType());
        put(item, "direction", t.direction() == null ? null : t.direction().name());
        item.put("amountMinor", AttributeValue.fromN(Long.toString(t.amountMinor())));
        put(item, "currency", t.currency());
        put(item, "valueDate", t.valueDate() == null ? null : t.valueDate().toString());
        put(item, "bookingDate", t.bookingDate() == null ? null : t.bookingDate().toString());
        put(item, "debtorName", t.debtorName());
        put(item, "debtorAccountToken", t.debtorAccountToken());
        put(item, "debtorAccountLast4", t.debtorAccountLast4());
        put(item, "debtorAgent", t.debtorAgent());
        put(item, "creditorName", t.creditorName());
        put(item, "creditorAccountToken", t.creditorAccountToken());
        put(item, "creditorAccountLast4", t.creditorAccountLast4());
        put(item, "creditorAgent", t.creditorAgent());
        put(item, "accountToken", accountToken(t));
        put(item, "reference", t.reference());
        put(item, "endToEndId", t.endToEndId());
        put(item, "uetr", t.uetr());
        put(item, "remittanceInfo", t.remittanceInfo());
        if (!t.attributes().isEmpty()) {
            item.put("attributes", AttributeValues.of(t.attributes()));
        }
        put(item, "settlementWindow", r.settlementWindow());
        item.put("late", AttributeValue.fromBool(r.late()));
        put(item, "executionName", r.execution());
        put(item, "loadedAt", loadedAt);
        return item;
    }

    /**
     * The ByAccountToken index key: the account the money moves to for a credit, from for a
     * debit (the account other than the one the file is about), else whichever is present.
     */
    static String accountToken(StagedTransaction t) {
        String preferred = t.direction() == Direction.DEBIT ? t.debtorAccountToken() : t.creditorAccountToken();
        String other = t.direction() == Direction.DEBIT ? t.creditorAccountToken() : t.debtorAccountToken();
        return preferred != null ? preferred : other;
    }

    /** DynamoDB keys of indexes must not be empty strings and absent attributes are omitted (sparse indexes). */
    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, AttributeValue.fromS(value));
        }
    }
}

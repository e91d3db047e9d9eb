package com.paysaga.saga.staging;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.formats.domain.StagedTransaction;

/**
 * Writes staged transactions as NDJSON chunks of at most {@code chunkSize} lines each
 * ({@code staging/<fileId>/chunk-00001.ndjson}, …), streaming: one chunk is open at a time, and
 * only one S3 part of it is buffered. Each chunk is committed when full; the caller publishes the
 * manifest only after {@link #finish()}.
 */
public final class ChunkWriter implements AutoCloseable {

    private final ObjectStore store;
    private final String bucket;
    private final String fileId;
    private final int chunkSize;
    private final WriteOptions options;
    private final ObjectMapper json;
    private final com.fasterxml.jackson.databind.ObjectWriter writer;
    private final List<ChunkDescriptor> chunks = new ArrayList<>();

    private ObjectWriter current;
    private MessageDigest digest;
    private JsonGenerator generator;
    private long inChunk;
    private long bytes;

    public ChunkWriter(ObjectStore store, String bucket, String fileId, int chunkSize, WriteOptions options, ObjectMapper json) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive, got " + chunkSize);
        }
        this.store = store;
        this.bucket = bucket;
        this.fileId = fileId;
        this.chunkSize = chunkSize;
        this.options = options;
        this.json = json;
        this.writer = json.writerFor(StagedTransaction.class);
    }

    public void write(StagedTransaction t) throws IOException {
        if (current == null) {
            open();
        }
        writer.writeValue(generator, t);
        generator.writeRaw('\n');
        if (++inChunk == chunkSize) {
            commit();
        }
    }

    /** Commits the last, partial chunk; returns every chunk written, in order. */
    public List<ChunkDescriptor> finish() throws IOException {
        if (current != null) {
            commit();
        }
        return List.copyOf(chunks);
    }

    public int chunksWritten() {
        return chunks.size();
    }

    public long bytesWritten() {
        return bytes + (current == null ? 0 : current.written());
    }

    /** Discards the open chunk (committed ones stay; the caller deletes them). */
    @Override
    public void close() {
        if (current != null) {
            current.abort();
            current = null;
        }
    }

    private void open() throws IOException {
        int index = chunks.size() + 1;
        current = store.create(ObjectRef.of(bucket, ObjectLayout.chunkKey(fileId, index)), options);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        OutputStream out = new BufferedOutputStream(new DigestOutputStream(current, digest), 64 * 1024);
        generator = json.getFactory().createGenerator(out);
        generator.setRootValueSeparator(null);
        inChunk = 0;
    }

    private void commit() throws IOException {
        generator.close();
        int index = chunks.size() + 1;
        bytes += current.written();
        current.commit();
        chunks.add(new ChunkDescriptor(index, ObjectLayout.chunkKey(fileId, index), inChunk, HexFormat.of().formatHex(digest.digest())));
        current = null;
        generator = null;
    }
}

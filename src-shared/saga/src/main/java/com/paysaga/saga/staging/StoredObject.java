package com.paysaga.saga.staging;

import java.io.InputStream;
import java.util.Map;

/**
 * An open object: its body as a stream (read it once, then close), its size, and its user
 * metadata (lower-case names without the {@code x-amz-meta-} prefix).
 */
public record StoredObject(ObjectRef ref, long size, Map<String, String> metadata, InputStream body)
        implements AutoCloseable {

    public StoredObject {
        metadata = Map.copyOf(metadata);
    }

    @Override
    public void close() throws java.io.IOException {
        body.close();
    }
}

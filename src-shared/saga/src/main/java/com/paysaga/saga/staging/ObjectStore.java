package com.paysaga.saga.staging;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few object operations the heavy stages need, so that the same staging code runs against S3
 * ({@link S3ObjectStore}) and against a directory ({@link FileSystemObjectStore}, for benchmarks
 * that must not measure an emulator). Reads and writes stream: nothing holds a whole file.
 */
public interface ObjectStore {

    /** Opens the object (the given version, if any) for reading. */
    StoredObject open(ObjectRef ref) throws IOException;

    /** User metadata and size, or empty when the object does not exist. */
    Optional<Head> head(ObjectRef ref) throws IOException;

    /** Starts a new object; see {@link ObjectWriter} for when it becomes visible. */
    ObjectWriter create(ObjectRef ref, WriteOptions options) throws IOException;

    /** Keys under {@code prefix}, in lexicographic order. */
    List<String> list(String bucket, String prefix) throws IOException;

    /** Deletes the object if it exists. */
    void delete(ObjectRef ref) throws IOException;

    record Head(long size, Map<String, String> metadata, String versionId) {
        public Head {
            metadata = Map.copyOf(metadata);
        }
    }

    default byte[] readAll(ObjectRef ref) throws IOException {
        try (StoredObject o = open(ref)) {
            return o.body().readAllBytes();
        }
    }

    default String put(ObjectRef ref, byte[] content, WriteOptions options) throws IOException {
        try (ObjectWriter w = create(ref, options)) {
            w.write(content);
            return w.commit();
        }
    }
}

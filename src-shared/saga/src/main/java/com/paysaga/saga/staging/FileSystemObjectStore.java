package com.paysaga.saga.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@link ObjectStore} in a directory ({@code <root>/<bucket>/<key>}, user metadata in a
 * {@code .meta} sidecar): for benchmarks that measure PaySaga's code rather than an emulator's
 * HTTP server, and for tests of the staging logic. No versions; a commit is an atomic rename.
 */
public final class FileSystemObjectStore implements ObjectStore {

    private static final String META = ".meta";
    private static final String PARTIAL = ".partial";

    private final Path root;

    public FileSystemObjectStore(Path root) {
        this.root = root;
    }

    private Path path(ObjectRef ref) {
        return root.resolve(ref.bucket()).resolve(ref.key());
    }

    @Override
    public StoredObject open(ObjectRef ref) throws IOException {
        Path p = path(ref);
        try {
            InputStream in = Files.newInputStream(p);
            return new StoredObject(ref, Files.size(p), metadata(p), in);
        } catch (NoSuchFileException e) {
            throw new MissingObjectException(ref);
        }
    }

    @Override
    public Optional<Head> head(ObjectRef ref) throws IOException {
        Path p = path(ref);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        return Optional.of(new Head(Files.size(p), metadata(p), null));
    }

    @Override
    public ObjectWriter create(ObjectRef ref, WriteOptions options) throws IOException {
        Path target = path(ref);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), PARTIAL);
        OutputStream out = Files.newOutputStream(partial);
        return new ObjectWriter() {
            private long written;
            private boolean done;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                written++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written += len;
            }

            @Override
            public long written() {
                return written;
            }

            @Override
            public String commit() throws IOException {
                done = true;
                out.close();
                Properties meta = new Properties();
                meta.putAll(options.metadata());
                try (OutputStream m = Files.newOutputStream(sidecar(target))) {
                    meta.store(m, null);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return null;
            }

            @Override
            public void abort() {
                if (!done) {
                    done = true;
                    try {
                        out.close();
                        Files.deleteIfExists(partial);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
    }

    @Override
    public List<String> list(String bucket, String prefix) throws IOException {
        Path base = root.resolve(bucket);
        List<String> keys = new ArrayList<>();
        if (!Files.isDirectory(base)) {
            return keys;
        }
        try (Stream<Path> files = Files.walk(base)) {
            files.filter(Files::isRegularFile).forEach(p -> {
                String key = base.relativize(p).toString().replace('\\', '/');
                if (key.startsWith(prefix) && !key.endsWith(META) && !key.endsWith(PARTIAL)) {
                    keys.add(key);
                }
            });
        }
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(ObjectRef ref) throws IOException {
        Files.deleteIfExists(path(ref));
        Files.deleteIfExists(sidecar(path(ref)));
    }

    private static Path sidecar(Path p) {
        return p.resolveSibling(p.getFileName() + META);
    }

    private static Map<String, String> metadata(Path p) throws IOException {
        Path s = sidecar(p);
        Map<String, String> out = new LinkedHashMap<>();
        if (Files.exists(s)) {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(s)) {
                meta.load(in);
            }
            meta.forEach((k, v) -> out.put((String) k, (String) v));
        }
        return out;
    }
}

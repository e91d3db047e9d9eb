package com.paysaga.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.paysaga.formats.Format;
import com.paysaga.formats.PaymentFileParsers;
import com.paysaga.formats.ach.NachaLeniency;
import com.paysaga.security.TokenVault;
import com.paysaga.security.Tokenization;
import com.paysaga.security.Tokenizer;
import com.paysaga.saga.staging.FileSystemObjectStore;
import com.paysaga.saga.staging.StagingJson;
import com.paysaga.saga.staging.TransformPipeline;

/**
 * Transform of a generated NACHA file (default 1 GB) under a small heap: the real
 * {@link TransformPipeline} — detection, parse and validation, HMAC tokenization of both accounts
 * of every entry, NDJSON chunks of 1,000 with SHA-256, chunk list and manifest — writing to a
 * {@link FileSystemObjectStore} in a temporary directory (deleted afterwards). What it does not
 * include: S3 and DynamoDB I/O (the vault is {@link TokenVault#NONE}; the generator's entries all
 * carry the same account, so the DynamoDB vault would write one entry). Run:
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar com.paysaga.bench.TransformLargeFileMain 1024</pre>
 */
public final class TransformLargeFileMain {

    private TransformLargeFileMain() {
    }

    public static void main(String[] args) throws IOException {
        long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        int chunkSize = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long entries = NachaGenerator.entriesForBytes(megabytes * 1_000_000L);
        Path dir = Files.createTempDirectory("paysaga-transform-bench");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Tokenization tokenization = new Tokenization(new Tokenizer("v1", key), TokenVault.NONE);
        Set<String> leniencies = megabytes > 900 ? Set.of(NachaLeniency.BLOCK_COUNT) : Set.of();
        TransformPipeline.Request request = new TransformPipeline.Request("f".repeat(64), "bench", "large.ach",
                Optional.of(Format.NACHA), Optional.empty(), leniencies, Optional.empty(), chunkSize, "staging", Optional.empty());
        long[] bytes = {0};
        InputStream in = new FilterInputStream(new NachaGenerator(entries, true)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    bytes[0] += n;
                }
                return n;
            }
        };
        long start = System.nanoTime();
        TransformPipeline.Outcome outcome;
        try {
            outcome = new TransformPipeline(new FileSystemObjectStore(dir), PaymentFileParsers.standard(), StagingJson.mapper())
                    .run(in, request, tokenization, (b, records, chunks) -> { });
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("input: %,d bytes (%d MB requested), valid=%s, errors=%d, transactions=%,d, tokens=%,d, chunks=%,d,"
                        + " chunk bytes=%,d%n", bytes[0], megabytes, outcome.valid(), outcome.report().errorCount(),
                outcome.report().transactions(), tokenization.tokens(),
                outcome.manifest().map(m -> m.chunks().size()).orElse(0), outcome.chunkBytes());
        if (!outcome.valid()) {
            outcome.report().errors().stream().limit(3).forEach(e -> System.out.println("  " + e));
        }
        System.out.printf("time: %.1f s, %.1f MB/s, %,.0f transactions/s%n", seconds, bytes[0] / 1e6 / seconds,
                outcome.report().transactions() / seconds);
        System.out.printf("heap: max %d MB, peak used (sum of pool peaks) %d MB%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024), peak / (1024 * 1024));
    }
}

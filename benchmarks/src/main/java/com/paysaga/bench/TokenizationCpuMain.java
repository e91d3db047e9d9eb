package com.paysaga.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;

import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.security.Tokenizer;

/**
 * Tokens per second of one thread's CPU time: the per-core rate even on a shared, overloaded
 * machine where the JMH wall-clock figure ({@link TokenizationBenchmark}) measures the neighbours
 * too. Reports both.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar com.paysaga.bench.TokenizationCpuMain</pre>
 */
public final class TokenizationCpuMain {

    private TokenizationCpuMain() {
    }

    public static void main(String[] args) {
        TokenizationBenchmark state = new TokenizationBenchmark();
        state.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < 6; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            int n = 3_000_000;
            for (int i = 0; i < n; i++) {
                sink += state.token().length();
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            System.out.printf("round %d: %,.0f tokens per CPU-second, %,.0f per wall-second%n", round, n / cpu, n / wall);
        }
        System.out.println(sink > 0 ? "" : "?");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        System.out.println("sample: " + new Tokenizer("v1", key).token(SensitiveValue.of(SensitiveValue.Kind.PAN, "4111111111111111")));
    }
}

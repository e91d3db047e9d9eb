package com.paysaga.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * MB decrypted per second of one thread's CPU time (per-core rate on a shared machine), and per
 * wall second, for the same 64 MiB messages as {@link PgpDecryptBenchmark}.
 *
 * <pre>java -Xmx512m -cp benchmarks/target/benchmarks.jar com.paysaga.bench.PgpDecryptCpuMain</pre>
 */
public final class PgpDecryptCpuMain {

    private PgpDecryptCpuMain() {
    }

    public static void main(String[] args) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (boolean signed : new boolean[] {false, true}) {
            PgpDecryptBenchmark b = new PgpDecryptBenchmark();
            b.signed = signed;
            b.setUp();
            for (int round = 0; round < 5; round++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                long bytes = b.decrypt();
                double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                double wall = (System.nanoTime() - wall0) / 1e9;
                System.out.printf("signed=%s round %d: %.0f MB per CPU-second, %.0f MB per wall-second%n", signed, round,
                        bytes / 1e6 / cpu, bytes / 1e6 / wall);
            }
        }
    }
}

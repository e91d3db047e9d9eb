package com.paysaga.bench;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.security.Tokenizer;

/**
 * Tokens per second on one core (target: 1,000,000): the HMAC-SHA-256 token of an account number
 * or PAN, as Transform computes it for every account of every transaction. The vault write is not
 * part of it (it is batched I/O, measured by the transform benchmark's wall time).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar TokenizationBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TokenizationBenchmark {

    private Tokenizer tokenizer;
    private SensitiveValue[] accounts;
    private int next;

    @Setup
    public void setUp() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        tokenizer = new Tokenizer("v1", key);
        Random r = new Random(42);
        accounts = new SensitiveValue[4096];
        for (int i = 0; i < accounts.length; i++) {
            if (i % 3 == 0) {
                accounts[i] = SensitiveValue.of(SensitiveValue.Kind.PAN, "4" + String.format("%015d", r.nextLong(1_000_000_000_000_000L)));
            } else if (i % 3 == 1) {
                accounts[i] = SensitiveValue.of(SensitiveValue.Kind.IBAN, "DE89" + String.format("%018d", r.nextLong(1_000_000_000_000_000_000L)));
            } else {
                accounts[i] = SensitiveValue.of(SensitiveValue.Kind.ACCOUNT_NUMBER, Long.toString(r.nextLong(1_000_000_000L, 99_999_999_999L)));
            }
        }
    }

    @Benchmark
    public String token() {
        return tokenizer.token(accounts[next++ & 4095]);
    }
}

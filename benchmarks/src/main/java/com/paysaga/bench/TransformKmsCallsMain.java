package com.paysaga.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.paysaga.saga.aws.AwsClients;
import com.paysaga.formats.Format;
import com.paysaga.formats.PaymentFileParsers;
import com.paysaga.security.DynamoDbTokenVault;
import com.paysaga.security.TokenKeys;
import com.paysaga.security.Tokenization;
import com.paysaga.saga.staging.FileSystemObjectStore;
import com.paysaga.saga.staging.StagingJson;
import com.paysaga.saga.staging.TransformPipeline;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * KMS requests of Transform for a 500,000-transaction file, counted by an SDK interceptor on the
 * KMS client, against the emulator at {@code AWS_ENDPOINT_URL} (a fresh key and tokens table are
 * created): the first run of a new token key version, then a re-run. Tokenization and the vault
 * use KMS and DynamoDB for real; chunks go to a temporary directory. Run:
 *
 * <pre>eval "$(local/emulator.sh start)"; java -cp benchmarks/target/benchmarks.jar com.paysaga.bench.TransformKmsCallsMain 500000</pre>
 */
public final class TransformKmsCallsMain {

    private TransformKmsCallsMain() {
    }

    public static void main(String[] args) throws IOException {
        long entries = args.length > 0 ? Long.parseLong(args[0]) : 500_000;
        if (System.getenv("AWS_ENDPOINT_URL") == null) {
            throw new IllegalStateException("set AWS_ENDPOINT_URL to an emulator (local/emulator.sh start)");
        }
        AtomicLong kmsCalls = new AtomicLong();
        AtomicLong dynamoCalls = new AtomicLong();
        AwsClients clients = AwsClients.fromEnvironment();
        KmsClient kms = clients.configure(KmsClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter(kmsCalls))).build();
        DynamoDbClient dynamo = clients.configure(DynamoDbClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(counter(dynamoCalls))).build();
        String keyId = kms.createKey(b -> b.description("bench token key")).keyMetadata().keyId();
        String table = "bench-tokens-" + System.nanoTime();
        dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("token").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("token").keyType(KeyType.HASH)));
        kmsCalls.set(0);
        dynamoCalls.set(0);
        for (String run : new String[] {"first run (key version created)", "re-run"}) {
            long kmsBefore = kmsCalls.get();
            long dynamoBefore = dynamoCalls.get();
            Path dir = Files.createTempDirectory("paysaga-kms-bench");
            long start = System.nanoTime();
            TransformPipeline.Outcome outcome;
            long tokens;
            try {
                var tokenizer = new TokenKeys(dynamo, table, kms, keyId, Clock.systemUTC()).tokenizer("v1");
                try (Tokenization tokenization = new Tokenization(tokenizer,
                        new DynamoDbTokenVault(dynamo, table, kms, keyId, Clock.systemUTC()))) {
                    TransformPipeline.Request request = new TransformPipeline.Request("e".repeat(64), "bench", "f.ach",
                            Optional.of(Format.NACHA), Optional.empty(), Set.of(), Optional.empty(), 1000, "staging",
                            Optional.empty());
                    outcome = new TransformPipeline(new FileSystemObjectStore(dir), PaymentFileParsers.standard(),
                            StagingJson.mapper()).run(new NachaGenerator(entries, true), request, tokenization, (b, r, c) -> { });
                    tokens = tokenization.tokens();
                }
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            System.out.printf("%s: transactions=%,d valid=%s tokens=%,d KMS calls=%d DynamoDB calls=%d (%.1f s)%n", run,
                    outcome.report().transactions(), outcome.valid(), tokens, kmsCalls.get() - kmsBefore,
                    dynamoCalls.get() - dynamoBefore, (System.nanoTime() - start) / 1e9);
        }
    }

    private static ExecutionInterceptor counter(AtomicLong calls) {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.incrementAndGet();
            }
        };
    }
}

package com.paysaga.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.paysaga.formats.domain.SensitiveValue;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * The token vault in the tokens table: item {@code token} → {@code value} (AES-256-GCM of the
 * clear value, see {@link VaultCipher}), {@code dataKey} (the job's data key, wrapped by KMS under
 * the TokenKey with context {@code paysaga:purpose=token-vault}), {@code kind}, {@code last4},
 * {@code keyVersion}, {@code createdAt}.
 *
 * <p>KMS is called once per job at most (GenerateDataKey, on the first token that is new to the
 * vault), not once per value. Writes are batched: tokens are looked up 100 at a time
 * (BatchGetItem) and only those absent are written (BatchWriteItem, 25 per call, unprocessed items
 * retried with backoff). An entry, once written, is never rewritten by a later job, so a re-run
 * leaves the vault exactly as it was. Two jobs racing on a new token may both write it; both
 * entries decrypt to the same value, since the token is a keyed hash of that value.
 */
public final class DynamoDbTokenVault implements TokenVault {

    static final String PURPOSE = "token-vault";
    private static final int LOOKUP_BATCH = 100;
    private static final int WRITE_BATCH = 25;
    private static final int RECENT = 1 << 16;
    private static final int MAX_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final String table;
    private final KmsClient kms;
    private final String tokenKeyId;
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, SensitiveValue> pending = new LinkedHashMap<>();
    /** Tokens this job already knows to be in the vault; bounded, so memory does not grow with the file. */
    private final Set<String> recent = java.util.Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT;
        }
    });
    private VaultCipher cipher;
    private SdkBytes wrappedDataKey;
    private long written;

    public DynamoDbTokenVault(DynamoDbClient dynamo, String table, KmsClient kms, String tokenKeyId, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.kms = kms;
        this.tokenKeyId = tokenKeyId;
        this.clock = clock;
        this.random = new SecureRandom();
    }

    @Override
    public void put(String token, SensitiveValue value) {
        if (recent.contains(token) || pending.containsKey(token)) {
            return;
        }
        pending.put(token, value);
        if (pending.size() >= LOOKUP_BATCH) {
            flush();
        }
    }

    /** Entries this job wrote (tokens new to the vault). */
    public long written() {
        return written;
    }

    @Override
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Set<String> present = lookUp(pending.keySet());
        List<WriteRequest> writes = new ArrayList<>();
        String now = clock.instant().toString();
        for (Map.Entry<String, SensitiveValue> e : pending.entrySet()) {
            if (present.contains(e.getKey())) {
                continue;
            }
            SensitiveValue v = e.getValue();
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("token", AttributeValue.fromS(e.getKey()));
            item.put("kind", AttributeValue.fromS(v.kind().name()));
            item.put("last4", AttributeValue.fromS(v.last4()));
            item.put("keyVersion", AttributeValue.fromS(Tokenizer.keyVersionOf(e.getKey())));
            item.put("alg", AttributeValue.fromS(VaultCipher.ALGORITHM));
            item.put("value", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(cipher().seal(e.getKey(), v.reveal()))));
            item.put("dataKey", AttributeValue.fromB(wrappedDataKey));
            item.put("createdAt", AttributeValue.fromS(now));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        for (int i = 0; i < writes.size(); i += WRITE_BATCH) {
            write(writes.subList(i, Math.min(writes.size(), i + WRITE_BATCH)));
        }
        written += writes.size();
        recent.addAll(pending.keySet());
        pending.clear();
    }

    @Override
    public void close() {
        flush();
    }

    private Set<String> lookUp(Set<String> tokens) {
        Set<String> present = new HashSet<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String t : tokens) {
            keys.add(Map.of("token", AttributeValue.fromS(t)));
        }
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                .projectionExpression("#t").expressionAttributeNames(Map.of("#t", "token")).consistentRead(true).build());
        for (int attempt = 1; !request.isEmpty(); attempt++) {
            Map<String, KeysAndAttributes> r = request;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(r));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                present.add(item.get("token").s());
            }
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (!request.isEmpty()) {
                backoff(attempt, "BatchGetItem on " + table);
            }
        }
        return present;
    }

    private void write(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> request = Map.of(table, batch);
        for (int attempt = 1; !request.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> r = request;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(r));
            request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            if (!request.isEmpty()) {
                backoff(attempt, "BatchWriteItem on " + table);
            }
        }
    }

    /** Exponential backoff with full jitter; gives up as a transient failure (the job is retried). */
    private void backoff(int attempt, String what) {
        if (attempt >= MAX_ATTEMPTS) {
            throw SdkClientException.create(what + ": items still unprocessed after " + attempt + " attempts (throttled)");
        }
        long cap = Math.min(5_000L, 50L << attempt);
        try {
            Thread.sleep(random.nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create(what + ": interrupted while backing off", e);
        }
    }

    private VaultCipher cipher() {
        if (cipher == null) {
            GenerateDataKeyResponse dk = kms.generateDataKey(b -> b.keyId(tokenKeyId).keySpec(DataKeySpec.AES_256)
                    .encryptionContext(Map.of("paysaga:purpose", PURPOSE)));
            byte[] plain = dk.plaintext().asByteArray();
            cipher = new VaultCipher(plain, random);
            Arrays.fill(plain, (byte) 0);
            wrappedDataKey = dk.ciphertextBlob();
        }
        return cipher;
    }
}

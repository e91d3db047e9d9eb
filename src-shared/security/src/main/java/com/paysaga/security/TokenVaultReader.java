package com.paysaga.security;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Detokenization: the one path that turns a token back into the account number. Its callers need
 * {@code dynamodb:GetItem} on the tokens table and {@code kms:Decrypt} on the TokenKey with
 * encryption context {@code paysaga:purpose=token-vault}; no stage of the pipeline has both.
 * Data keys are unwrapped once per distinct wrapped key.
 */
public final class TokenVaultReader {

    private final DynamoDbClient dynamo;
    private final String table;
    private final KmsClient kms;
    private final String tokenKeyId;
    private final Map<SdkBytes, VaultCipher> ciphers = new HashMap<>();

    public TokenVaultReader(DynamoDbClient dynamo, String table, KmsClient kms, String tokenKeyId) {
        this.dynamo = dynamo;
        this.table = table;
        this.kms = kms;
        this.tokenKeyId = tokenKeyId;
    }

    public Optional<String> reveal(String token) {
        var response = dynamo.getItem(b -> b.tableName(table).key(Map.of("token", AttributeValue.fromS(token)))
                .consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        SdkBytes wrapped = item.get("dataKey").b();
        VaultCipher cipher = ciphers.computeIfAbsent(wrapped, w -> {
            byte[] plain = kms.decrypt(b -> b.keyId(tokenKeyId).ciphertextBlob(w)
                    .encryptionContext(Map.of("paysaga:purpose", DynamoDbTokenVault.PURPOSE))).plaintext().asByteArray();
            VaultCipher c = new VaultCipher(plain, new java.security.SecureRandom());
            Arrays.fill(plain, (byte) 0);
            return c;
        });
        return Optional.of(cipher.open(token, item.get("value").b().asByteArray()));
    }
}

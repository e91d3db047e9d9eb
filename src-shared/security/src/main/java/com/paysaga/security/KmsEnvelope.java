package com.paysaga.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * KMS-envelope encrypted uploads ({@link com.paysaga.saga.routing.ExpectedEncryption#KMS}): the
 * object format of the Amazon S3 Encryption Client v2 with a KMS keyring, so partners can upload
 * with that client unchanged. User metadata:
 * <ul>
 *   <li>{@code x-amz-key-v2}: base64 of the data key wrapped by KMS (Encrypt/GenerateDataKey);</li>
 *   <li>{@code x-amz-wrap-alg} = {@code kms+context}; {@code x-amz-cek-alg} = {@code AES/GCM/NoPadding};
 *       {@code x-amz-tag-len} = {@code 128};</li>
 *   <li>{@code x-amz-iv}: base64 of the 96-bit GCM nonce;</li>
 *   <li>{@code x-amz-matdesc}: the KMS encryption context as JSON, which for {@code kms+context}
 *       includes {@code "aws:x-amz-cek-alg": "AES/GCM/NoPadding"} (binding the content cipher);</li>
 *   <li>{@code x-amz-unencrypted-content-length} (optional): the plaintext length.</li>
 * </ul>
 * The body is the AES-256-GCM ciphertext of the whole file followed by the 16-byte tag.
 *
 * <p>Decryption streams with Bouncy Castle's GCM (the JDK's buffers the whole ciphertext until the
 * tag is checked); the plaintext is therefore unauthenticated until the end, and the caller
 * publishes it only after {@link #decrypt} returns. The legacy v1 format ({@code x-amz-key},
 * AES-CBC, no authentication) is refused. One KMS call (Decrypt) per file.
 */
public final class KmsEnvelope {

    public static final String KEY_V2 = "x-amz-key-v2";
    public static final String KEY_V1 = "x-amz-key";
    public static final String IV = "x-amz-iv";
    public static final String MATDESC = "x-amz-matdesc";
    public static final String WRAP_ALG = "x-amz-wrap-alg";
    public static final String CEK_ALG = "x-amz-cek-alg";
    public static final String TAG_LEN = "x-amz-tag-len";
    public static final String PLAINTEXT_LENGTH = "x-amz-unencrypted-content-length";
    static final String GCM = "AES/GCM/NoPadding";
    static final String CEK_CONTEXT_KEY = "aws:x-amz-cek-alg";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUFFER = 64 * 1024;

    private final KmsClient kms;

    public KmsEnvelope(KmsClient kms) {
        this.kms = kms;
    }

    /** Whether the object's metadata marks it as client-side encrypted (any S3 encryption client version). */
    public static boolean isEnvelope(Map<String, String> metadata) {
        return metadata.containsKey(KEY_V2) || metadata.containsKey(KEY_V1);
    }

    public record Result(long plaintextBytes, String kmsKeyId) {
    }

    public Result decrypt(Map<String, String> metadata, InputStream ciphertext, OutputStream out, String what)
            throws IOException {
        if (!metadata.containsKey(KEY_V2)) {
            if (metadata.containsKey(KEY_V1)) {
                throw new IntegrityProtectionMissingException(what + " uses the S3 encryption client v1 format (x-amz-key,"
                        + " AES-CBC without authentication); only v2 (AES-GCM, x-amz-key-v2) is accepted");
            }
            throw new EncryptionRequiredException(what + " has no KMS envelope (user metadata " + KEY_V2 + "); the partner"
                    + " profile requires KMS-envelope encryption");
        }
        require(metadata, WRAP_ALG, "kms+context", what);
        require(metadata, CEK_ALG, GCM, what);
        if (metadata.containsKey(TAG_LEN)) {
            require(metadata, TAG_LEN, "128", what);
        }
        Map<String, String> context = context(metadata, what);
        byte[] iv = base64(metadata, IV, what);
        if (iv.length != 12) {
            throw new TamperedCiphertextException(what + ": " + IV + " must be a 96-bit nonce, got " + iv.length + " bytes");
        }
        byte[] wrapped = base64(metadata, KEY_V2, what);
        byte[] dataKey;
        String keyId;
        try {
            var response = kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(wrapped)).encryptionContext(context));
            dataKey = response.plaintext().asByteArray();
            keyId = response.keyId();
        } catch (InvalidCiphertextException | IncorrectKeyException e) {
            throw new WrongKeyException(what + ": the data key in " + KEY_V2 + " cannot be unwrapped by KMS with the"
                    + " encryption context in " + MATDESC + " (wrong key, or altered key metadata)", e);
        }
        long expected = metadata.containsKey(PLAINTEXT_LENGTH) ? parseLength(metadata.get(PLAINTEXT_LENGTH), what) : -1;
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(false, new AEADParameters(new KeyParameter(dataKey), 128, iv));
        Arrays.fill(dataKey, (byte) 0);
        byte[] in = new byte[BUFFER];
        byte[] plain = new byte[BUFFER + 32];
        long total = 0;
        long ciphertextBytes = 0;
        int n;
        while ((n = ciphertext.read(in)) >= 0) {
            ciphertextBytes += n;
            int produced = gcm.processBytes(in, 0, n, plain, 0);
            out.write(plain, 0, produced);
            total += produced;
        }
        try {
            int last = gcm.doFinal(plain, 0);
            out.write(plain, 0, last);
            total += last;
        } catch (InvalidCipherTextException e) {
            if (ciphertextBytes < 16 || (expected >= 0 && ciphertextBytes - 16 < expected)) {
                throw new TruncatedInputException(what + " ends early: " + Math.max(0, ciphertextBytes - 16)
                        + " ciphertext bytes for " + (expected >= 0 ? expected + " plaintext bytes" : "a GCM message"), e);
            }
            throw new TamperedCiphertextException(what + ": the AES-GCM authentication tag does not match"
                    + " (ciphertext altered or truncated)", e);
        }
        if (expected >= 0 && total != expected) {
            throw new TamperedCiphertextException(what + " decrypts to " + total + " bytes, but "
                    + PLAINTEXT_LENGTH + " says " + expected);
        }
        return new Result(total, keyId);
    }

    /** The partner's side (demo, tests): encrypts {@code plaintext}; returns the body and its user metadata. */
    public Sealed encrypt(String kmsKeyId, Map<String, String> encryptionContext, byte[] plaintext) {
        Map<String, String> context = new TreeMap<>(encryptionContext);
        context.put(CEK_CONTEXT_KEY, GCM);
        GenerateDataKeyResponse dk = kms.generateDataKey(b -> b.keyId(kmsKeyId).keySpec(DataKeySpec.AES_256)
                .encryptionContext(context));
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        byte[] key = dk.plaintext().asByteArray();
        try {
            Cipher c = Cipher.getInstance(GCM);
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            byte[] body = c.doFinal(plaintext);
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put(KEY_V2, Base64.getEncoder().encodeToString(dk.ciphertextBlob().asByteArray()));
            meta.put(IV, Base64.getEncoder().encodeToString(iv));
            meta.put(MATDESC, JSON.writeValueAsString(context));
            meta.put(WRAP_ALG, "kms+context");
            meta.put(CEK_ALG, GCM);
            meta.put(TAG_LEN, "128");
            meta.put(PLAINTEXT_LENGTH, Long.toString(plaintext.length));
            return new Sealed(body, meta);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public record Sealed(byte[] body, Map<String, String> metadata) {
    }

    private static Map<String, String> context(Map<String, String> metadata, String what) {
        String json = metadata.get(MATDESC);
        if (json == null) {
            throw new TamperedCiphertextException(what + " lacks " + MATDESC + " (the KMS encryption context)");
        }
        Map<String, String> context;
        try {
            context = JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new TamperedCiphertextException(what + ": " + MATDESC + " is not a JSON object of strings", e);
        }
        if (!GCM.equals(context.get(CEK_CONTEXT_KEY))) {
            throw new TamperedCiphertextException(what + ": " + MATDESC + " must bind " + CEK_CONTEXT_KEY + " = " + GCM);
        }
        return context;
    }

    private static void require(Map<String, String> metadata, String name, String expected, String what) {
        String v = metadata.get(name);
        if (!expected.equals(v)) {
            throw new TamperedCiphertextException(what + ": " + name + " is '" + v + "', expected '" + expected + "'");
        }
    }

    private static byte[] base64(Map<String, String> metadata, String name, String what) {
        String v = metadata.get(name);
        if (v == null) {
            throw new TamperedCiphertextException(what + " lacks " + name);
        }
        try {
            return Base64.getDecoder().decode(v.strip());
        } catch (IllegalArgumentException e) {
            throw new TamperedCiphertextException(what + ": " + name + " is not base64", e);
        }
    }

    private static long parseLength(String v, String what) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new TamperedCiphertextException(what + ": " + PLAINTEXT_LENGTH + " is not a number", e);
        }
    }
}

package com.paysaga.security;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoAlgorithm;
import com.amazonaws.encryptionsdk.CryptoInputStream;
import com.amazonaws.encryptionsdk.CryptoOutputStream;
import com.amazonaws.encryptionsdk.CryptoResult;
import com.amazonaws.encryptionsdk.exception.AwsCryptoException;
import com.amazonaws.encryptionsdk.exception.BadCiphertextException;

import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.cryptography.materialproviders.IKeyring;
import software.amazon.cryptography.materialproviders.MaterialProviders;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsKeyringInput;
import software.amazon.cryptography.materialproviders.model.MaterialProvidersConfig;

/**
 * AWS Encryption SDK messages under one KMS key: the format of the archived originals and of
 * the partners' stored PGP private keys (docs/archive-format.md). Each message gets a fresh data
 * key from KMS GenerateDataKey (one call), wrapped into the message header; the body is framed
 * AES-256-GCM with HKDF-SHA-512 key derivation and key commitment (algorithm suite
 * {@link CryptoAlgorithm#ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY}); frame sequence numbers and
 * the final-frame marker are authenticated, so truncation and reordering are detected.
 *
 * <p>Unsigned suite on purpose: readers can then stream-decrypt
 * ({@code createUnsignedMessageDecryptingStream}) without buffering, and only principals allowed
 * to use the KMS key can produce a message at all. The encryption context is checked on decrypt.
 */
public final class KmsMessages {

    public static final CryptoAlgorithm SUITE = CryptoAlgorithm.ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY;
    public static final int FRAME_BYTES = 64 * 1024;

    private final AwsCrypto crypto;
    private final IKeyring keyring;
    private final String keyArn;

    /**
     * @param keyArn the KMS key's ARN: the keyring compares it with the ARN KMS reports on
     *               decrypt, so a bare key id would never match
     */
    public KmsMessages(KmsClient kms, String keyArn) {
        if (!keyArn.startsWith("arn:")) {
            throw new KeyMaterialException("KMS key '" + keyArn + "' must be given as a key ARN for AWS Encryption SDK messages");
        }
        this.keyArn = keyArn;
        this.crypto = AwsCrypto.builder().withCommitmentPolicy(CommitmentPolicy.RequireEncryptRequireDecrypt)
                .withEncryptionAlgorithm(SUITE).withEncryptionFrameSize(FRAME_BYTES).build();
        MaterialProviders mpl = MaterialProviders.builder()
                .MaterialProvidersConfig(MaterialProvidersConfig.builder().build()).build();
        this.keyring = mpl.CreateAwsKmsKeyring(CreateAwsKmsKeyringInput.builder().kmsKeyId(keyArn).kmsClient(kms).build());
    }

    public String keyArn() {
        return keyArn;
    }

    /** Closing the returned stream writes the final frame; {@code out} is closed with it. */
    public OutputStream encryptingStream(OutputStream out, Map<String, String> context) {
        CryptoOutputStream<?> s = crypto.createEncryptingStream(keyring, out, context);
        return s;
    }

    public byte[] encrypt(byte[] plaintext, Map<String, String> context) {
        return crypto.encryptData(keyring, plaintext, context).getResult();
    }

    /**
     * Decrypts a message whose encryption context must contain {@code expectedContext}.
     *
     * @throws TamperedCiphertextException when the message does not authenticate or is truncated
     * @throws WrongKeyException           when it was not made under this key or with this context
     */
    public byte[] decrypt(byte[] message, Map<String, String> expectedContext, String what) {
        try {
            CryptoResult<byte[], ?> result = crypto.decryptData(keyring, message, expectedContext);
            return result.getResult();
        } catch (BadCiphertextException e) {
            throw new TamperedCiphertextException(what + " does not authenticate: " + e.getMessage(), e);
        } catch (AwsCryptoException e) {
            throw new WrongKeyException(what + " cannot be decrypted with " + keyArn + " and the expected encryption context: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (isKmsFailure(e)) {
                throw e;
            }
            throw new WrongKeyException(what + " cannot be decrypted with " + keyArn + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /** A streaming reader for an unsigned message; tag failures surface as {@link BadCiphertextException}. */
    public InputStream decryptingStream(InputStream message) {
        CryptoInputStream<?> s = crypto.createUnsignedMessageDecryptingStream(keyring, message);
        return s;
    }

    /** Transport and service errors of KMS stay what they are (possibly transient). */
    private static boolean isKmsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof software.amazon.awssdk.core.exception.SdkException sdk
                    && !(t instanceof software.amazon.awssdk.services.kms.model.InvalidCiphertextException)
                    && !(t instanceof software.amazon.awssdk.services.kms.model.IncorrectKeyException)) {
                return true;
            }
        }
        return false;
    }
}

package com.paysaga.security;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.Provider;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipException;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPDataValidationException;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;

/**
 * Streaming OpenPGP decryption (RFC 4880 / RFC 9580) of a partner's file with Bouncy Castle:
 * the plaintext goes to {@code out} as it is decrypted, so memory stays constant for any file size.
 * Since integrity is only known at the end of the stream, the caller must publish {@code out}
 * only when {@link #decrypt} returns normally (see {@code ObjectWriter#commit}).
 *
 * <p>Refused: messages that are not encrypted ({@link EncryptionRequiredException}), encrypted only
 * to keys PaySaga does not hold ({@link WrongKeyException}), encrypted without integrity protection
 * (Symmetrically Encrypted Data, tag 9, has no MDC: {@link IntegrityProtectionMissingException}),
 * whose MDC / AEAD tags fail ({@link TamperedCiphertextException}), that end early
 * ({@link TruncatedInputException}), and, where a signing key is required, that are not signed by
 * it with a valid signature ({@link SignatureVerificationException}).
 *
 * <p>The public-key step runs in Bouncy Castle's provider; bulk decryption (AES-CFB) and the MDC's
 * SHA-1 run in the JDK's providers, which use the CPU's AES instructions.
 */
public final class PgpDecryptor {

    private static final int BUFFER = 64 * 1024;

    private final Provider bc;

    public PgpDecryptor() {
        this.bc = new BouncyCastleProvider();
    }

    /** What was decrypted, for the checkpoint and the logs (no key material, no content). */
    public record Result(long plaintextBytes, String recipientKeyId, String cipher, boolean aead,
            Optional<String> signerKeyId) {
    }

    /**
     * @param source    the encrypted object, binary or ASCII-armored
     * @param keys      the partner's secret keys (unprotected: the KMS envelope they are stored in is their protection)
     * @param signer    the key whose signature is required, or empty when the profile names none
     * @param what      names the file in messages
     */
    public Result decrypt(InputStream source, OutputStream out, PGPSecretKeyRingCollection keys,
            Optional<PGPPublicKey> signer, String what) throws IOException {
        PGPPublicKeyEncryptedData encrypted;
        InputStream clear;
        String recipient;
        try {
            JcaPGPObjectFactory outer = new JcaPGPObjectFactory(PGPUtil.getDecoderStream(source));
            Object first = next(outer);
            while (first instanceof PGPMarker) {
                first = next(outer);
            }
            if (!(first instanceof PGPEncryptedDataList list)) {
                throw new EncryptionRequiredException(what + " is not an encrypted OpenPGP message"
                        + (first == null ? " (no OpenPGP packets)" : " (first packet: " + first.getClass().getSimpleName() + ")"));
            }
            encrypted = null;
            PGPSecretKey secret = null;
            List<String> recipients = new ArrayList<>();
            for (PGPEncryptedData ed : list) {
                if (ed instanceof PGPPublicKeyEncryptedData pk) {
                    recipients.add(keyId(pk.getKeyID()));
                    PGPSecretKey candidate = keys.getSecretKey(pk.getKeyID());
                    if (candidate != null && encrypted == null) {
                        encrypted = pk;
                        secret = candidate;
                    }
                }
            }
            if (encrypted == null) {
                throw new WrongKeyException(what + " is encrypted to " + (recipients.isEmpty()
                        ? "a passphrase only" : "key id(s) " + recipients) + ", none of which PaySaga holds for this partner"
                        + " (held: " + heldKeyIds(keys) + ")");
            }
            if (!encrypted.isIntegrityProtected() && !encrypted.isAEAD()) {
                throw new IntegrityProtectionMissingException(what + " uses Symmetrically Encrypted Data without a"
                        + " Modification Detection Code (RFC 4880 §5.7); ask the partner to enable integrity protection");
            }
            recipient = keyId(encrypted.getKeyID());
            PGPPrivateKey privateKey = privateKey(secret, what);
            try {
                clear = encrypted.getDataStream(new JcePublicKeyDataDecryptorFactoryBuilder().setProvider(bc)
                        .setContentProvider(encrypted.isAEAD() ? bc : jdkContentProvider())
                        .build(privateKey));
            } catch (PGPDataValidationException e) {
                throw new TamperedCiphertextException(what + ": the session key for key " + recipient
                        + " does not decrypt cleanly (altered key packet)", e);
            }
        } catch (EOFException e) {
            throw new TruncatedInputException(what + " ends inside the OpenPGP header packets", e);
        } catch (PGPException e) {
            throw new TamperedCiphertextException(what + ": unreadable OpenPGP header: " + e.getMessage(), e);
        }

        String cipher = cipherName(encrypted);
        try {
            long bytes = 0;
            Optional<String> signedBy = Optional.empty();
            JcaPGPObjectFactory inner = new JcaPGPObjectFactory(clear);
            Object message = next(inner);
            if (message instanceof PGPCompressedData compressed) {
                inner = new JcaPGPObjectFactory(compressed.getDataStream());
                message = next(inner);
            }
            PGPOnePassSignature ops = null;
            if (message instanceof PGPOnePassSignatureList opsList) {
                if (signer.isPresent()) {
                    for (PGPOnePassSignature candidate : opsList) {
                        if (candidate.getKeyID() == signer.get().getKeyID()) {
                            ops = candidate;
                        }
                    }
                    if (ops == null) {
                        throw new SignatureVerificationException(what + " is signed by key id(s) " + signerIds(opsList)
                                + ", not by the partner's signing key " + keyId(signer.get().getKeyID()));
                    }
                    ops.init(new JcaPGPContentVerifierBuilderProvider().setProvider(bc), signer.get());
                }
                message = next(inner);
            }
            if (!(message instanceof PGPLiteralData literal)) {
                throw new TamperedCiphertextException(what + ": the decrypted message holds no literal data packet"
                        + (message == null ? "" : " (found " + message.getClass().getSimpleName() + ")"));
            }
            if (signer.isPresent() && ops == null) {
                throw new SignatureVerificationException(what + " is not signed; the partner profile requires a signature by key "
                        + keyId(signer.get().getKeyID()));
            }
            byte[] buf = new byte[BUFFER];
            try (InputStream data = literal.getInputStream()) {
                int n;
                while ((n = data.read(buf)) >= 0) {
                    if (ops != null) {
                        ops.update(buf, 0, n);
                    }
                    out.write(buf, 0, n);
                    bytes += n;
                }
            }
            if (ops != null) {
                Object sigs = next(inner);
                PGPSignature signature = null;
                if (sigs instanceof PGPSignatureList list) {
                    for (PGPSignature s : list) {
                        if (s.getKeyID() == ops.getKeyID()) {
                            signature = s;
                        }
                    }
                }
                if (signature == null) {
                    throw new TamperedCiphertextException(what + ": the one-pass signature has no matching signature packet");
                }
                if (!ops.verify(signature)) {
                    throw new SignatureVerificationException(what + ": the signature by key " + keyId(ops.getKeyID())
                            + " does not verify (content altered before encryption, or a forged signature)");
                }
                signedBy = Optional.of(keyId(ops.getKeyID()));
            }
            // Everything up to the MDC packet must pass through the MDC digest before verify().
            byte[] rest = new byte[BUFFER];
            while (clear.read(rest) >= 0) {
                // trailing packets: covered by the integrity check, otherwise ignored
            }
            if (encrypted.isIntegrityProtected() && !encrypted.isAEAD() && !encrypted.verify()) {
                throw new TamperedCiphertextException(what + ": the Modification Detection Code does not match; the ciphertext was altered");
            }
            return new Result(bytes, recipient, cipher, encrypted.isAEAD(), signedBy);
        } catch (EOFException e) {
            throw new TruncatedInputException(what + " ends early: " + e.getMessage(), e);
        } catch (PGPException e) {
            if (isTruncation(e)) {
                throw new TruncatedInputException(what + " ends early: " + e.getMessage(), e);
            }
            throw new TamperedCiphertextException(what + ": decryption failed its integrity check: " + e.getMessage(), e);
        } catch (ZipException e) {
            throw new TamperedCiphertextException(what + ": the decrypted data does not decompress (altered ciphertext): "
                    + e.getMessage(), e);
        } catch (IOException e) {
            if (e instanceof SourceReadException || !isDecodingError(e)) {
                throw e;
            }
            if (isTruncation(e)) {
                throw new TruncatedInputException(what + " ends early: " + e.getMessage(), e);
            }
            throw new TamperedCiphertextException(what + ": corrupt data after decryption: " + e.getMessage(), e);
        }
    }

    /** The JDK's AES-CFB (AES-NI) for SEIPD v1; OCB/EAX (AEAD) exist only in Bouncy Castle. */
    private Provider jdkContentProvider() {
        Provider sun = java.security.Security.getProvider("SunJCE");
        return sun != null ? sun : bc;
    }

    private static PGPPrivateKey privateKey(PGPSecretKey secret, String what) {
        if (secret.getKeyEncryptionAlgorithm() != SymmetricKeyAlgorithmTags.NULL) {
            throw new KeyMaterialException("the private key " + keyId(secret.getKeyID()) + " for " + what
                    + " is passphrase-protected; store it unprotected inside its KMS envelope");
        }
        try {
            return secret.extractPrivateKey(null);
        } catch (PGPException e) {
            throw new KeyMaterialException("the private key " + keyId(secret.getKeyID()) + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Object next(JcaPGPObjectFactory factory) throws IOException {
        try {
            return factory.nextObject();
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            // Bouncy Castle throws unchecked exceptions on some malformed packets.
            throw new IOException("malformed OpenPGP packet: " + e.getMessage(), e);
        }
    }

    private static boolean isTruncation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("premature end") || m.contains("unexpected end") || m.contains("truncated")
                    || m.contains("end of stream")) {
                return true;
            }
        }
        return false;
    }

    /** Errors of the source's transport are left as they are; everything else is about the bytes. */
    private static boolean isDecodingError(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SourceReadException
                    || t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException) {
                return false;
            }
        }
        return true;
    }

    private static String cipherName(PGPEncryptedData encrypted) {
        return encrypted.isAEAD() ? "AEAD" : "SEIPD";
    }

    public static String keyId(long id) {
        return HexFormat.of().withUpperCase().toHexDigits(id);
    }

    private static List<String> signerIds(PGPOnePassSignatureList list) {
        List<String> ids = new ArrayList<>();
        for (PGPOnePassSignature s : list) {
            ids.add(keyId(s.getKeyID()));
        }
        return ids;
    }

    private static List<String> heldKeyIds(PGPSecretKeyRingCollection keys) {
        List<String> ids = new ArrayList<>();
        keys.forEach(ring -> ring.getSecretKeys().forEachRemaining(k -> ids.add(keyId(k.getKeyID()))));
        return ids;
    }
}

package com.paysaga.security;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Date;
import java.util.Optional;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;

/**
 * The partner's side: encrypts (and optionally signs) a payment file as an OpenPGP message,
 * streaming. PaySaga itself never sends PGP; this exists for the local demo's encrypted samples,
 * the tests and the benchmarks. {@code integrityProtected=false} writes the legacy packet without
 * MDC that {@link PgpDecryptor} must refuse.
 */
public final class PgpMessageWriter {

    /**
     * @param armor              ASCII armor (RFC 4880 §6)
     * @param compress           ZIP-compress before encryption
     * @param integrityProtected SEIPD with MDC (true) or legacy SED (false)
     * @param signer             secret signing key, for a signed-then-encrypted message
     */
    public record Options(boolean armor, boolean compress, boolean integrityProtected, Optional<PGPSecretKey> signer) {
        public static Options standard() {
            return new Options(false, false, true, Optional.empty());
        }

        public Options signedBy(PGPSecretKey key) {
            return new Options(armor, compress, integrityProtected, Optional.of(key));
        }

        public Options armored() {
            return new Options(true, compress, integrityProtected, signer);
        }

        public Options compressed() {
            return new Options(armor, true, integrityProtected, signer);
        }

        public Options withoutIntegrity() {
            return new Options(armor, compress, false, signer);
        }
    }

    private static final int BUFFER = 1 << 16;

    private final Provider bc = new BouncyCastleProvider();
    private final SecureRandom random = new SecureRandom();

    /** Closing the returned stream finishes the message and closes {@code sink}. */
    public OutputStream open(OutputStream sink, PGPPublicKey recipient, Options options) throws IOException {
        try {
            OutputStream target = options.armor() ? ArmoredOutputStream.builder().clearHeaders().build(sink) : sink;
            PGPEncryptedDataGenerator enc = new PGPEncryptedDataGenerator(
                    new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                            .setWithIntegrityPacket(options.integrityProtected()).setSecureRandom(random).setProvider(bc));
            enc.addMethod(new JcePublicKeyKeyEncryptionMethodGenerator(recipient).setProvider(bc).setSecureRandom(random));
            OutputStream encrypted = enc.open(target, new byte[BUFFER]);
            PGPCompressedDataGenerator comp = options.compress()
                    ? new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP) : null;
            OutputStream body = comp == null ? encrypted : comp.open(encrypted, new byte[BUFFER]);
            PGPSignatureGenerator sig = null;
            if (options.signer().isPresent()) {
                PGPSecretKey key = options.signer().get();
                PGPPrivateKey priv = key.extractPrivateKey(null);
                sig = new PGPSignatureGenerator(new JcaPGPContentSignerBuilder(key.getPublicKey().getAlgorithm(),
                        HashAlgorithmTags.SHA256).setProvider(bc), key.getPublicKey());
                sig.init(PGPSignature.BINARY_DOCUMENT, priv);
                sig.generateOnePassVersion(false).encode(body);
            }
            PGPLiteralDataGenerator lit = new PGPLiteralDataGenerator();
            OutputStream literal = lit.open(body, PGPLiteralData.BINARY, "", new Date(), new byte[BUFFER]);
            PGPSignatureGenerator signature = sig;
            return new FilterOutputStream(literal) {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    if (signature != null) {
                        signature.update((byte) b);
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    if (signature != null) {
                        signature.update(b, off, len);
                    }
                }

                @Override
                public void close() throws IOException {
                    literal.close();
                    if (signature != null) {
                        try {
                            signature.generate().encode(body);
                        } catch (PGPException e) {
                            throw new IOException("signing failed", e);
                        }
                    }
                    if (comp != null) {
                        comp.close();
                    }
                    encrypted.close();
                    if (target != sink) {
                        target.close();
                    }
                    sink.close();
                }
            };
        } catch (PGPException e) {
            throw new IOException("cannot start an OpenPGP message: " + e.getMessage(), e);
        }
    }

    public byte[] encrypt(byte[] data, PGPPublicKey recipient, Options options) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length + 1024);
        try (OutputStream s = open(out, recipient, options)) {
            s.write(data);
        }
        return out.toByteArray();
    }
}

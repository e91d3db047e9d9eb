package com.paysaga.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.util.Date;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;

/**
 * Generates OpenPGP key rings (RSA signing primary key + RSA encryption subkey, OpenPGP v4):
 * the demo's and the tests' keys, made at provisioning or test time, so that no private key is
 * ever committed. The secret keys are unprotected; they are meant to be sealed at once with
 * {@link PartnerKeys#storePrivateKey}.
 */
public final class PgpKeyGenerator {

    /** A generated key: the secret ring (private), the public ring (what the other side gets). */
    public record KeyRing(PGPSecretKeyRing secret, PGPPublicKeyRing publicRing) {

        public PGPPublicKey encryptionKey() {
            for (PGPPublicKey k : publicRing) {
                if (k.isEncryptionKey() && !k.isMasterKey()) {
                    return k;
                }
            }
            throw new IllegalStateException("key ring has no encryption subkey");
        }

        public PGPPublicKey signingKey() {
            return publicRing.getPublicKey();
        }

        public byte[] armoredSecret() throws IOException {
            return armor(secret.getEncoded());
        }

        public byte[] armoredPublic() throws IOException {
            return armor(publicRing.getEncoded());
        }

        private static byte[] armor(byte[] encoded) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream a = ArmoredOutputStream.builder().clearHeaders().build(out)) {
                a.write(encoded);
            }
            return out.toByteArray();
        }
    }

    private final Provider bc = new BouncyCastleProvider();

    public KeyRing generate(String userId, int rsaBits) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA", bc);
            kpg.initialize(rsaBits);
            Date now = new Date();
            PGPKeyPair signing = new JcaPGPKeyPair(PublicKeyPacket.VERSION_4, PGPPublicKey.RSA_GENERAL, kpg.generateKeyPair(), now);
            PGPKeyPair encryption = new JcaPGPKeyPair(PublicKeyPacket.VERSION_4, PGPPublicKey.RSA_GENERAL, kpg.generateKeyPair(), now);
            PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().setProvider(bc).build()
                    .get(HashAlgorithmTags.SHA1);
            PGPSignatureSubpacketGenerator primary = new PGPSignatureSubpacketGenerator();
            primary.setKeyFlags(false, KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER);
            PGPKeyRingGenerator gen = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, signing, userId, sha1,
                    primary.generate(), null,
                    new JcaPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA256).setProvider(bc), null);
            PGPSignatureSubpacketGenerator sub = new PGPSignatureSubpacketGenerator();
            sub.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
            gen.addSubKey(encryption, sub.generate(), null);
            return new KeyRing(gen.generateSecretKeyRing(), gen.generatePublicKeyRing());
        } catch (GeneralSecurityException | PGPException e) {
            throw new IllegalStateException("OpenPGP key generation failed", e);
        }
    }
}

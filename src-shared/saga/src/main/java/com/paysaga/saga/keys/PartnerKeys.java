package com.paysaga.saga.keys;

import com.paysaga.security.InputRejectedException;
import com.paysaga.security.KeyMaterialException;
import com.paysaga.security.KmsMessages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

import com.paysaga.saga.staging.MissingObjectException;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.staging.ObjectRef;
import com.paysaga.saga.staging.ObjectStore;
import com.paysaga.saga.staging.WriteOptions;

/**
 * Partners' PGP keys in the config bucket (docs/contracts.md):
 * <ul>
 *   <li>{@code keys/<partner>/private.asc.kms}: PaySaga's armored secret key ring for the partner,
 *       an AWS Encryption SDK message under the PartnerSecretsKey with encryption context
 *       {@code paysaga:purpose=partner-pgp-key}, {@code paysaga:partner=<partner>} (so one partner's
 *       key blob cannot be substituted for another's). Produced by {@link #storePrivateKey} or the
 *       AWS Encryption CLI. The clear key exists only in memory, for one job.</li>
 *   <li>{@code keys/<partner>/signing-public.asc}: the partner's armored public key ring, which
 *       holds the signing key the profile names ({@code pgpSigningKeyId}).</li>
 * </ul>
 */
public final class PartnerKeys {

    static final String PURPOSE = "partner-pgp-key";

    private final ObjectStore store;
    private final String configBucket;
    private final KmsMessages envelope;

    public PartnerKeys(ObjectStore store, String configBucket, KmsMessages partnerSecrets) {
        this.store = store;
        this.configBucket = configBucket;
        this.envelope = partnerSecrets;
    }

    public static Map<String, String> context(String partner) {
        return Map.of("paysaga:purpose", PURPOSE, "paysaga:partner", partner);
    }

    /** One KMS call (Decrypt, inside the Encryption SDK). */
    public PGPSecretKeyRingCollection privateKeys(String partner) throws IOException {
        ObjectRef ref = ObjectRef.of(configBucket, ObjectLayout.partnerPrivateKeyRingKey(partner));
        byte[] sealed;
        try {
            sealed = store.readAll(ref);
        } catch (MissingObjectException e) {
            throw new KeyMaterialException("no PGP private key is stored for partner '" + partner + "' (" + ref.uri() + ")", e);
        }
        byte[] armored;
        try {
            armored = envelope.decrypt(sealed, context(partner), ref.uri());
        } catch (InputRejectedException e) {
            throw new KeyMaterialException("the stored private key " + ref.uri() + " does not decrypt under "
                    + envelope.keyArn() + " for partner '" + partner + "': " + e.getMessage(), e);
        }
        try {
            return new PGPSecretKeyRingCollection(PGPUtil.getDecoderStream(new ByteArrayInputStream(armored)),
                    new JcaKeyFingerprintCalculator());
        } catch (PGPException | IOException e) {
            throw new KeyMaterialException(ref.uri() + " does not hold an OpenPGP secret key ring: " + e.getMessage(), e);
        } finally {
            Arrays.fill(armored, (byte) 0);
        }
    }

    /**
     * The partner's signing key with {@code keyId} (16 hex digits, or a 40-digit v4 fingerprint
     * whose low 64 bits are the key id).
     */
    public PGPPublicKey signingKey(String partner, String keyId) throws IOException {
        ObjectRef ref = ObjectRef.of(configBucket, ObjectLayout.partnerSigningKeyRingKey(partner));
        byte[] armored;
        try {
            armored = store.readAll(ref);
        } catch (MissingObjectException e) {
            throw new KeyMaterialException("the profile of partner '" + partner + "' requires signatures by " + keyId
                    + ", but no public key ring is stored at " + ref.uri(), e);
        }
        long id = parseKeyId(keyId);
        try {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(
                    PGPUtil.getDecoderStream(new ByteArrayInputStream(armored)), new JcaKeyFingerprintCalculator());
            PGPPublicKey key = rings.getPublicKey(id);
            if (key == null) {
                throw new KeyMaterialException(ref.uri() + " holds no key with id " + keyId);
            }
            return key;
        } catch (PGPException e) {
            throw new KeyMaterialException(ref.uri() + " is not an OpenPGP public key ring: " + e.getMessage(), e);
        }
    }

    /** Stores {@code armoredSecretKeyRing} sealed for {@code partner}: for provisioning and tests. */
    public void storePrivateKey(String partner, byte[] armoredSecretKeyRing) throws IOException {
        byte[] sealed = envelope.encrypt(armoredSecretKeyRing, context(partner));
        store.put(ObjectRef.of(configBucket, ObjectLayout.partnerPrivateKeyRingKey(partner)), sealed,
                WriteOptions.of("application/octet-stream"));
    }

    public void storeSigningKey(String partner, byte[] armoredPublicKeyRing) throws IOException {
        store.put(ObjectRef.of(configBucket, ObjectLayout.partnerSigningKeyRingKey(partner)), armoredPublicKeyRing,
                WriteOptions.of("application/pgp-keys"));
    }

    static long parseKeyId(String keyId) {
        String hex = keyId.strip().replace(" ", "");
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (hex.length() == 40) {
            hex = hex.substring(24);
        }
        if (!hex.matches("[0-9A-Fa-f]{16}")) {
            throw new KeyMaterialException("pgpSigningKeyId '" + keyId + "' is neither a 16-digit key id nor a 40-digit fingerprint");
        }
        return Long.parseUnsignedLong(hex, 16);
    }
}

package com.paysaga.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PgpDecryptorTest {

    private static PgpKeyGenerator.KeyRing paysaga;
    private static PgpKeyGenerator.KeyRing partner;
    private static PgpKeyGenerator.KeyRing stranger;
    private static PGPSecretKeyRingCollection held;
    private static final byte[] DATA = sample();

    private final PgpMessageWriter writer = new PgpMessageWriter();
    private final PgpDecryptor decryptor = new PgpDecryptor();

    @BeforeAll
    static void keys() throws Exception {
        PgpKeyGenerator gen = new PgpKeyGenerator();
        paysaga = gen.generate("PaySaga test <test@paysaga.invalid>", 2048);
        partner = gen.generate("Partner test <partner@paysaga.invalid>", 2048);
        stranger = gen.generate("Stranger <stranger@paysaga.invalid>", 2048);
        held = new PGPSecretKeyRingCollection(List.of(paysaga.secret()));
    }

    private static byte[] sample() {
        byte[] b = new byte[300_000];
        new Random(7).nextBytes(b);
        return b;
    }

    private byte[] decrypt(byte[] message, Optional<org.bouncycastle.openpgp.PGPPublicKey> signer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        decryptor.decrypt(new ByteArrayInputStream(message), out, held, signer, "test.pgp");
        return out.toByteArray();
    }

    @Test
    void decryptsBinaryArmoredCompressedAndSignedMessages() throws Exception {
        PgpMessageWriter.Options plain = PgpMessageWriter.Options.standard();
        assertThat(decrypt(writer.encrypt(DATA, paysaga.encryptionKey(), plain), Optional.empty())).isEqualTo(DATA);
        assertThat(decrypt(writer.encrypt(DATA, paysaga.encryptionKey(), plain.armored().compressed()), Optional.empty()))
                .isEqualTo(DATA);
        byte[] signed = writer.encrypt(DATA, paysaga.encryptionKey(), plain.signedBy(partner.secret().getSecretKey()));
        assertThat(decrypt(signed, Optional.of(partner.signingKey()))).isEqualTo(DATA);
    }

    @Test
    void messageForAnotherKeyIsWrongKey() throws Exception {
        byte[] message = writer.encrypt(DATA, stranger.encryptionKey(), PgpMessageWriter.Options.standard());
        assertThatThrownBy(() -> decrypt(message, Optional.empty())).isInstanceOf(WrongKeyException.class)
                .hasMessageContaining(PgpDecryptor.keyId(stranger.encryptionKey().getKeyID()));
    }

    @Test
    void flippedCiphertextByteIsTampered() throws Exception {
        byte[] message = writer.encrypt(DATA, paysaga.encryptionKey(), PgpMessageWriter.Options.standard());
        message[message.length / 2] ^= 0x20;
        assertThatThrownBy(() -> decrypt(message, Optional.empty())).isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void cutMessageIsTruncated() throws Exception {
        byte[] message = writer.encrypt(DATA, paysaga.encryptionKey(), PgpMessageWriter.Options.standard());
        byte[] cut = Arrays.copyOf(message, message.length - 5_000);
        assertThatThrownBy(() -> decrypt(cut, Optional.empty())).isInstanceOf(TruncatedInputException.class);
    }

    @Test
    void messageWithoutMdcIsRefusedBeforeDecrypting() throws Exception {
        byte[] message = writer.encrypt(DATA, paysaga.encryptionKey(), PgpMessageWriter.Options.standard().withoutIntegrity());
        assertThatThrownBy(() -> decrypt(message, Optional.empty())).isInstanceOf(IntegrityProtectionMissingException.class);
    }

    @Test
    void plainTextIsNotAnEncryptedMessage() {
        byte[] text = "101 091000019 1234567891406011200A094101".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> decrypt(text, Optional.empty())).isInstanceOf(EncryptionRequiredException.class);
    }

    @Test
    void requiredSignatureMissingOrByAnotherKeyIsRefused() throws Exception {
        byte[] unsigned = writer.encrypt(DATA, paysaga.encryptionKey(), PgpMessageWriter.Options.standard());
        assertThatThrownBy(() -> decrypt(unsigned, Optional.of(partner.signingKey())))
                .isInstanceOf(SignatureVerificationException.class).hasMessageContaining("not signed");
        byte[] byStranger = writer.encrypt(DATA, paysaga.encryptionKey(),
                PgpMessageWriter.Options.standard().signedBy(stranger.secret().getSecretKey()));
        assertThatThrownBy(() -> decrypt(byStranger, Optional.of(partner.signingKey())))
                .isInstanceOf(SignatureVerificationException.class);
    }
}

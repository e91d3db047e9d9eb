package com.paysaga.saga.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FileIdsTest {

    @Test
    void theFileIdIsTheLowercaseHexSha256OfTheBytes() {
        // FIPS 180-2 test vector for "abc".
        assertThat(FileIds.of("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aMentionOfAFileIdIsFoundInTheMessageAgain() {
        String fileId = FileIds.of(new byte[0]);
        assertThat(FileIds.mentionedIn(FileIds.mention(fileId) + "Validate failed")).isEqualTo(Optional.of(fileId));
    }
}

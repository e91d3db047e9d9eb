package com.paysaga.formats.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TransactionIdsTest {

    @Test
    void thePerFileGeneratorGivesExactlyTheIdsOfTheStaticFunction() {
        TransactionIds.Generator ids = TransactionIds.forFile("3f2a");
        for (String locator : new String[] {"line 1", "line 2", "record 17", "/Document/x[3]", ""}) {
            assertThat(ids.of(locator)).isEqualTo(TransactionIds.of("3f2a", locator));
        }
    }

    /**
     * The generator writes locators and hex into reused buffers and resumes a cloned digest
     * state (ids are persisted keys, so it must agree with the reference bit for bit): every
     * message length around the 64-byte block and 56-byte padding boundaries, fileIds that
     * fill zero, one or several blocks, non-ASCII and unpaired surrogates (which UTF-8 encodes
     * as '?'), and random text.
     */
    @Test
    void theGeneratorAgreesWithTheMessageDigestReferenceForManyFilesAndLocators() {
        Random random = new Random(20_260_303);
        List<String> fileIds = new ArrayList<>(List.of("", "x", "bench", "file-1", "f\u00e9", "\u6587\u4ef6",
                "\ud83d\udcb8pay", "bad\ud800", HexFormat.of().formatHex(new byte[32])));
        for (int length = 50; length <= 140; length++) {
            fileIds.add(text(random, length, false));
        }
        for (int i = 0; i < 20; i++) {
            fileIds.add(text(random, random.nextInt(200), true));
        }
        int compared = 0;
        for (String fileId : fileIds) {
            TransactionIds.Generator ids = TransactionIds.forFile(fileId);
            List<String> locators = new ArrayList<>(List.of("", "line 1", "record 17", "line 1234567",
                    "/Document/BkToCstmrStmt/Stmt[1]/Ntry[12]/NtryDtls[1]/TxDtls[3]", "Zeile \u00fc", "\udc00", "\ud83d\ude00"));
            for (int length = 0; length <= 140; length++) {
                locators.add(text(random, length, false));
            }
            for (int i = 0; i < 30; i++) {
                locators.add(text(random, random.nextInt(300), true));
            }
            for (String locator : locators) {
                assertThat(ids.of(locator)).as("fileId %s, locator %s", fileId, locator)
                        .isEqualTo(TransactionIds.of(fileId, locator));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(20_000);
    }

    private static String text(Random random, int length, boolean unicode) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (!unicode || random.nextInt(4) > 0) {
                b.append((char) (' ' + random.nextInt(95)));
            } else {
                b.append((char) random.nextInt(0x10000));
            }
        }
        return b.toString();
    }

    @Test
    void idsDependOnFileAndLocatorAndArePrefixedByTheFile() {
        assertThat(TransactionIds.of("a", "line 1")).startsWith("a:").hasSize(22)
                .isNotEqualTo(TransactionIds.of("a", "line 2"))
                .isNotEqualTo(TransactionIds.of("b", "line 1"));
        // pinned: an id must never change for the same file and record, or replays would duplicate items
        assertThat(TransactionIds.of("file-1", "line 3")).isEqualTo("file-1:52731b7cb32c35da13ed");
    }
}

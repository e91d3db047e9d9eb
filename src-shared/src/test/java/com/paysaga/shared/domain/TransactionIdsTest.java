package com.paysaga.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransactionIdsTest {

    @Test
    void thePerFileGeneratorGivesExactlyTheIdsOfTheStaticFunction() {
        TransactionIds.Generator ids = TransactionIds.forFile("3f2a");
        for (String locator : new String[] {"line 1", "line 2", "record 17", "/Document/x[3]", ""}) {
            assertThat(ids.of(locator)).isEqualTo(TransactionIds.of("3f2a", locator));
        }
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

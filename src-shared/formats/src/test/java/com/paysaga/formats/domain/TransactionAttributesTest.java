package com.paysaga.formats.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TransactionAttributesTest {

    private static Transaction withAttributes(Map<String, String> attributes) {
        return new Transaction("f:1", "f", 1, "line 1", "NACHA", "PPD", Direction.DEBIT, 100, "USD", null, null,
                null, null, null, null, null, null, null, null, null, null, attributes);
    }

    @Test
    void builtAttributesEqualTheSameEntriesInAnyOtherMap() {
        Map<String, String> built = Transaction.Attributes.builder()
                .put("transactionCode", "22").put("entryKind", "LIVE").put("addendaCount", "1").build();
        Map<String, String> expected = Map.of("transactionCode", "22", "entryKind", "LIVE", "addendaCount", "1");

        assertThat(built).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(3);
        assertThat(expected).isEqualTo(built);
        assertThat(built.get("entryKind")).isEqualTo("LIVE");
        assertThat(built.get(new String("entryKind"))).isEqualTo("LIVE");
        assertThat(built.get("missing")).isNull();
        assertThat(built.get(null)).isNull();
        assertThat(built.containsKey("addendaCount")).isTrue();
        assertThat(built.containsValue("22")).isTrue();
        assertThat(built.containsValue("23")).isFalse();
    }

    @Test
    void absentValuesAreSkippedAndARepeatedKeyKeepsItsLastValueAtItsFirstPosition() {
        Map<String, String> built = Transaction.Attributes.builder()
                .put("a", "1").put("b", null).put("c", "3").put("a", "4").build();

        assertThat(List.copyOf(built.entrySet())).containsExactly(Map.entry("a", "4"), Map.entry("c", "3"));
        assertThat(built).doesNotContainKey("b");
    }

    @Test
    void manyKeysWithCollidingHashBitsAreAllKept() {
        Transaction.Attributes.Builder builder = Transaction.Attributes.builder();
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            builder.put("key" + i, "v" + i);
            expected.put("key" + i, "v" + i);
        }
        builder.put("key7", "again");
        expected.put("key7", "again");

        Map<String, String> built = builder.build();
        assertThat(built).isEqualTo(expected);
        assertThat(List.copyOf(built.keySet())).isEqualTo(List.copyOf(expected.keySet()));
    }

    @Test
    void aBuilderReusedAfterClearDoesNotChangeTheMapsItBuiltBefore() {
        Transaction.Attributes.Builder builder = Transaction.Attributes.builder();
        Map<String, String> first = builder.put("a", "1").build();
        Map<String, String> second = builder.clear().put("b", "2").build();

        assertThat(first).isEqualTo(Map.of("a", "1"));
        assertThat(second).isEqualTo(Map.of("b", "2"));
        assertThat(builder.clear().build()).isEmpty();
    }

    @Test
    void theMapIsImmutable() {
        Map<String, String> built = Transaction.Attributes.builder().put("a", "1").build();

        assertThatThrownBy(() -> built.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(built::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.keySet().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.merge("a", "x", String::concat)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(built).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void aTransactionKeepsBuiltAttributesAsTheyAreAndCopiesAnyOtherMap() {
        Map<String, String> built = Transaction.Attributes.builder().put("a", "1").build();
        assertThat(withAttributes(built).attributes()).isSameAs(built);

        Map<String, String> mutable = new HashMap<>(Map.of("a", "1"));
        Transaction t = withAttributes(mutable);
        mutable.put("b", "2");
        assertThat(t.attributes()).isEqualTo(Map.of("a", "1"));
        assertThat(withAttributes(null).attributes()).isEmpty();
        assertThat(withAttributes(built)).isEqualTo(withAttributes(Map.of("a", "1")));
    }
}

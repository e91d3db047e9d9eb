package com.paysaga.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.paysaga.formats.domain.SensitiveValue;

class TokenizerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void tokenIsTheRfc2104HmacSha256OfTheCanonicalValue() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = "tok_v1_" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("DE89370400440532013000".getBytes(StandardCharsets.US_ASCII)));

        assertThat(new Tokenizer("v1", KEY).token("DE89370400440532013000")).isEqualTo(expected);
    }

    @Test
    void layoutAndCaseDoNotChangeTheToken() {
        Tokenizer t = new Tokenizer("v1", KEY);
        assertThat(t.token("de89 3704 0044 0532 0130 00")).isEqualTo(t.token("DE89370400440532013000"));
        assertThat(t.token("4111-1111-1111-1111")).isEqualTo(t.token("4111111111111111"));
        assertThat(t.token("4111111111111111")).isNotEqualTo(t.token("4111111111111112"));
    }

    @Test
    void tokensCarryTheKeyVersionAndDifferAcrossVersions() {
        String v1 = new Tokenizer("v1", KEY).token("123456789");
        byte[] other = KEY.clone();
        other[0] ^= 1;
        String v2 = new Tokenizer("v2", other).token("123456789");

        assertThat(v1).startsWith("tok_v1_").hasSize("tok_v1_".length() + 43);
        assertThat(Tokenizer.keyVersionOf(v2)).isEqualTo("v2");
        assertThat(v1.substring(7)).isNotEqualTo(v2.substring(7));
    }

    @Test
    void tokenNeverContainsTheValueOrItsDigits() {
        SensitiveValue pan = SensitiveValue.of(SensitiveValue.Kind.PAN, "4111111111111111");
        String token = new Tokenizer("v1", KEY).token(pan);
        assertThat(token).doesNotContain("4111111111111111").doesNotContain("11111111");
    }

    @Test
    void keyVersionsThatWouldBreakTheTokenFormatAreRefused() {
        assertThatThrownBy(() -> new Tokenizer("v_1", KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tokenizer("v1", new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}

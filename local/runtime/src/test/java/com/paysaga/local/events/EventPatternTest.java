package com.paysaga.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Cases from the EventBridge user guide's "Comparison operators" page. */
class EventPatternTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean matches(String pattern, String event) throws Exception {
        return EventPattern.of(JSON.readTree(pattern)).matches(JSON.readTree(event));
    }

    private static JsonNode s3Event(String key, long size) {
        return S3ObjectCreatedEvent.of(JSON, "123456789012", "us-east-1", "in-bucket", key, size, "e", "v1", "0001",
                Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Test
    void s3ObjectCreatedRuleWithKeyPrefixMatchesOnlyUploadsUnderThePrefix() throws Exception {
        JsonNode pattern = JSON.readTree("""
                {"source": ["aws.s3"], "detail-type": ["Object Created"],
                 "detail": {"bucket": {"name": ["in-bucket"]}, "object": {"key": [{"prefix": "inbound/"}]}}}""");
        EventPattern rule = EventPattern.of(pattern);
        assertThat(rule.matches(s3Event("inbound/acme/f.ach", 10))).isTrue();
        assertThat(rule.matches(s3Event("outbound/acme/f.ach", 10))).isFalse();
    }

    @Test
    void fieldsAreAndedAndArrayValuesAreOred() throws Exception {
        assertThat(matches("{\"a\":[\"x\",\"y\"],\"b\":[1]}", "{\"a\":\"y\",\"b\":1}")).isTrue();
        assertThat(matches("{\"a\":[\"x\",\"y\"],\"b\":[1]}", "{\"a\":\"y\",\"b\":2}")).isFalse();
    }

    @Test
    void anEventArrayMatchesWhenAnyElementMatches() throws Exception {
        assertThat(matches("{\"resources\":[\"arn:2\"]}", "{\"resources\":[\"arn:1\",\"arn:2\"]}")).isTrue();
    }

    @Test
    void prefixSuffixAndIgnoreCase() throws Exception {
        assertThat(matches("{\"f\":[{\"suffix\":\".png\"}]}", "{\"f\":\"a.png\"}")).isTrue();
        assertThat(matches("{\"f\":[{\"suffix\":{\"equals-ignore-case\":\".png\"}}]}", "{\"f\":\"A.PNG\"}")).isTrue();
        assertThat(matches("{\"s\":[{\"prefix\":{\"equals-ignore-case\":\"EventB\"}}]}", "{\"s\":\"eventbridge\"}")).isTrue();
        assertThat(matches("{\"s\":[{\"equals-ignore-case\":\"alice\"}]}", "{\"s\":\"ALICE\"}")).isTrue();
        assertThat(matches("{\"f\":[{\"prefix\":\"x\"}]}", "{\"f\":5}")).isFalse();
    }

    @Test
    void anythingButInAllItsForms() throws Exception {
        assertThat(matches("{\"state\":[{\"anything-but\":\"initializing\"}]}", "{\"state\":\"running\"}")).isTrue();
        assertThat(matches("{\"state\":[{\"anything-but\":\"initializing\"}]}", "{\"state\":\"initializing\"}")).isFalse();
        assertThat(matches("{\"n\":[{\"anything-but\":[100,200]}]}", "{\"n\":150}")).isTrue();
        assertThat(matches("{\"n\":[{\"anything-but\":[100,200]}]}", "{\"n\":200.0}")).isFalse();
        assertThat(matches("{\"r\":[{\"anything-but\":{\"prefix\":\"us-\"}}]}", "{\"r\":\"eu-west-1\"}")).isTrue();
        assertThat(matches("{\"r\":[{\"anything-but\":{\"prefix\":\"us-\"}}]}", "{\"r\":\"us-east-1\"}")).isFalse();
        assertThat(matches("{\"f\":[{\"anything-but\":{\"suffix\":\".png\"}}]}", "{\"f\":\"a.png\"}")).isFalse();
        assertThat(matches("{\"s\":[{\"anything-but\":{\"equals-ignore-case\":[\"a\",\"b\"]}}]}", "{\"s\":\"B\"}")).isFalse();
        assertThat(matches("{\"p\":[{\"anything-but\":{\"wildcard\":\"*/lib/*\"}}]}", "{\"p\":\"/usr/lib/x\"}")).isFalse();
        assertThat(matches("{\"state\":[{\"anything-but\":\"x\"}]}", "{}")).isFalse();
    }

    @Test
    void numericRangesCompareNumbersNotText() throws Exception {
        String pattern = "{\"size\":[{\"numeric\":[\">\",0,\"<=\",5]}]}";
        assertThat(matches(pattern, "{\"size\":5}")).isTrue();
        assertThat(matches(pattern, "{\"size\":5.0000001}")).isFalse();
        assertThat(matches(pattern, "{\"size\":0}")).isFalse();
        assertThat(matches(pattern, "{\"size\":\"3\"}")).isFalse();
        assertThat(matches("{\"n\":[300]}", "{\"n\":3.0e2}")).isTrue();
    }

    @Test
    void existsMatchesPresenceAndAbsenceOfLeaves() throws Exception {
        assertThat(matches("{\"d\":{\"c\":[{\"exists\":true}]}}", "{\"d\":{\"c\":\"x\"}}")).isTrue();
        assertThat(matches("{\"d\":{\"c\":[{\"exists\":false}]}}", "{\"d\":{\"c\":\"x\"}}")).isFalse();
        assertThat(matches("{\"d\":{\"c\":[{\"exists\":false}]}}", "{\"d\":{}}")).isTrue();
    }

    @Test
    void nullAndEmptyStringAreExactValues() throws Exception {
        assertThat(matches("{\"a\":[null]}", "{\"a\":null}")).isTrue();
        assertThat(matches("{\"a\":[null]}", "{}")).isFalse();
        assertThat(matches("{\"a\":[\"\"]}", "{\"a\":\"\"}")).isTrue();
    }

    @Test
    void wildcardAndCidr() throws Exception {
        assertThat(matches("{\"k\":[{\"wildcard\":\"inbound/*/*.ach\"}]}", "{\"k\":\"inbound/acme/x.ach\"}")).isTrue();
        assertThat(matches("{\"k\":[{\"wildcard\":\"inbound/*/*.ach\"}]}", "{\"k\":\"inbound/acme/x.xml\"}")).isFalse();
        assertThat(matches("{\"ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", "{\"ip\":\"10.0.0.255\"}")).isTrue();
        assertThat(matches("{\"ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", "{\"ip\":\"10.0.1.1\"}")).isFalse();
    }

    @Test
    void orCombinesAlternativeSubPatterns() throws Exception {
        String pattern = "{\"source\":[\"aws.s3\"],\"$or\":[{\"a\":[1]},{\"b\":[2]}]}";
        assertThat(matches(pattern, "{\"source\":\"aws.s3\",\"b\":2}")).isTrue();
        assertThat(matches(pattern, "{\"source\":\"aws.s3\",\"b\":3}")).isFalse();
    }

    @Test
    void invalidPatternsAreRejectedWithTheirLocation() {
        assertThatThrownBy(() -> EventPattern.of(JSON.readTree("{\"a\":\"x\"}")))
                .isInstanceOf(InvalidEventPatternException.class).hasMessageContaining("a");
        assertThatThrownBy(() -> EventPattern.of(JSON.readTree("{\"d\":{\"a\":[{\"nope\":1}]}}")))
                .hasMessageContaining("unknown operator 'nope' at d.a");
        assertThatThrownBy(() -> EventPattern.of(JSON.readTree("{\"n\":[{\"numeric\":[\">\"]}]}")))
                .hasMessageContaining("numeric");
    }
}

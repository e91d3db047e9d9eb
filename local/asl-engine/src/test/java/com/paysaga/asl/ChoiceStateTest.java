package com.paysaga.asl;

import static com.paysaga.asl.Asl.json;
import static com.paysaga.asl.Asl.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Choice rules as the developer guide defines them ("Choice workflow state", "Choice Rules"). */
class ChoiceStateTest {

    private static String machine(String rule) {
        return """
                {"StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[%s],"Default":"No"},
                  "Yes":{"Type":"Pass","Result":"yes","End":true},
                  "No":{"Type":"Pass","Result":"no","End":true}}}""".formatted(rule);
    }

    private static boolean matches(String rule, String input) {
        ExecutionResult r = run(machine(rule.replaceFirst("\\}$", ",\"Next\":\"Yes\"}")), input);
        assertThat(r.status()).as(r.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return r.output().asText().equals("yes");
    }

    @ParameterizedTest(name = "{0} {1} against {2} is {3}")
    @CsvSource(delimiter = '|', value = {
        "StringEquals|\"abc\"|\"abc\"|true",
        "StringEquals|\"abc\"|\"abd\"|false",
        "StringEquals|\"1\"|1|false",
        "StringLessThan|\"b\"|\"a\"|true",
        "StringLessThan|\"b\"|\"b\"|false",
        "StringGreaterThan|\"a\"|\"b\"|true",
        "StringLessThanEquals|\"b\"|\"b\"|true",
        "StringGreaterThanEquals|\"b\"|\"a\"|false",
        "NumericEquals|1|1.0|true",
        "NumericEquals|1|\"1\"|false",
        "NumericLessThan|10|9.5|true",
        "NumericGreaterThan|10|10|false",
        "NumericLessThanEquals|10|10|true",
        "NumericGreaterThanEquals|10|11|true",
        "BooleanEquals|true|true|true",
        "BooleanEquals|true|\"true\"|false",
        "TimestampEquals|\"2016-08-18T17:33:00Z\"|\"2016-08-18T17:33:00Z\"|true",
        "TimestampEquals|\"2016-08-18T17:33:00Z\"|\"2016-08-18T19:33:00+02:00\"|true",
        "TimestampLessThan|\"2016-08-18T17:33:00Z\"|\"2016-08-18T17:32:59Z\"|true",
        "TimestampGreaterThan|\"2016-08-18T17:33:00Z\"|\"2016-08-18T17:33:00.001Z\"|true",
        "TimestampLessThanEquals|\"2016-08-18T17:33:00Z\"|\"2016-08-18T17:33:00Z\"|true",
        "TimestampGreaterThanEquals|\"2016-08-18T17:33:00Z\"|\"2016-08-18T17:00:00Z\"|false",
        "TimestampEquals|\"2016-08-18T17:33:00Z\"|\"2016-08-18t17:33:00z\"|false",
        "StringMatches|\"log-*.txt\"|\"log-2024.txt\"|true",
        "StringMatches|\"log-*.txt\"|\"log-2024.csv\"|false",
        "StringMatches|\"*\\\\*\"|\"star*\"|true",
        "StringMatches|\"*\\\\*\"|\"star\"|false",
    })
    void comparisonOperatorsCompareTheVariableWithALiteral(String operator, String literal, String value,
            boolean expected) {
        String rule = "{\"Variable\":\"$.v\",\"" + operator + "\":" + literal + "}";
        assertThat(matches(rule, "{\"v\":" + value + "}")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} vs {2} is {3}")
    @CsvSource(delimiter = '|', value = {
        "StringEqualsPath|\"a\"|\"a\"|true",
        "StringLessThanPath|\"a\"|\"b\"|true",
        "StringGreaterThanPath|\"a\"|\"b\"|false",
        "StringLessThanEqualsPath|\"a\"|\"a\"|true",
        "StringGreaterThanEqualsPath|\"b\"|\"a\"|true",
        "NumericEqualsPath|2|2|true",
        "NumericLessThanPath|1|2|true",
        "NumericGreaterThanPath|1|2|false",
        "NumericLessThanEqualsPath|2|2|true",
        "NumericGreaterThanEqualsPath|3|2|true",
        "BooleanEqualsPath|false|false|true",
        "TimestampEqualsPath|\"2020-01-01T00:00:00Z\"|\"2020-01-01T00:00:00Z\"|true",
        "TimestampLessThanPath|\"2020-01-01T00:00:00Z\"|\"2021-01-01T00:00:00Z\"|true",
        "TimestampGreaterThanPath|\"2020-01-01T00:00:00Z\"|\"2021-01-01T00:00:00Z\"|false",
        "TimestampLessThanEqualsPath|\"2020-01-01T00:00:00Z\"|\"2020-01-01T00:00:00Z\"|true",
        "TimestampGreaterThanEqualsPath|\"2022-01-01T00:00:00Z\"|\"2021-01-01T00:00:00Z\"|true",
    })
    void pathFormsCompareTwoValuesOfTheInput(String operator, String v, String other, boolean expected) {
        String rule = "{\"Variable\":\"$.v\",\"" + operator + "\":\"$.other\"}";
        assertThat(matches(rule, "{\"v\":" + v + ",\"other\":" + other + "}")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource(delimiter = '|', value = {
        "IsNull|null|true", "IsNull|0|false",
        "IsNumeric|1.5|true", "IsNumeric|\"1\"|false",
        "IsString|\"x\"|true", "IsString|1|false",
        "IsBoolean|false|true", "IsBoolean|\"false\"|false",
        "IsTimestamp|\"2016-03-14T01:59:00Z\"|true", "IsTimestamp|\"2016-03-14\"|false",
    })
    void typeTests(String operator, String value, boolean expected) {
        assertThat(matches("{\"Variable\":\"$.v\",\"" + operator + "\":true}", "{\"v\":" + value + "}")).isEqualTo(expected);
        assertThat(matches("{\"Variable\":\"$.v\",\"" + operator + "\":false}", "{\"v\":" + value + "}")).isEqualTo(!expected);
    }

    @Test
    void isPresentTellsWhetherThePathSelectsAnything() {
        assertThat(matches("{\"Variable\":\"$.v\",\"IsPresent\":true}", "{\"v\":null}")).isTrue();
        assertThat(matches("{\"Variable\":\"$.v\",\"IsPresent\":true}", "{}")).isFalse();
        assertThat(matches("{\"Variable\":\"$.v\",\"IsPresent\":false}", "{}")).isTrue();
    }

    @Test
    void aMissingVariableIsARuntimeErrorWithTheServiceCause() {
        ExecutionResult r = run(machine("{\"Variable\":\"$.nope\",\"StringEquals\":\"x\",\"Next\":\"Yes\"}"), "{}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).isEqualTo("An error occurred while executing the state 'C' (entered at the event id #2). "
                + "Invalid path '$.nope': The choice state's condition path references an invalid value.");
    }

    @Test
    void andOrNotCombineRules() {
        String rule = """
                {"And":[{"Variable":"$.value","IsPresent":true},{"Variable":"$.value","IsNumeric":true},
                        {"Or":[{"Variable":"$.value","NumericGreaterThanEquals":20},
                               {"Not":{"Variable":"$.type","StringEquals":"Private"}}]}]}""";
        assertThat(matches(rule, "{\"value\":25,\"type\":\"Private\"}")).isTrue();
        assertThat(matches(rule, "{\"value\":5,\"type\":\"Private\"}")).isFalse();
        assertThat(matches(rule, "{\"value\":5,\"type\":\"Public\"}")).isTrue();
        assertThat(matches(rule, "{\"type\":\"Public\"}")).isFalse();
    }

    @Test
    void theFirstMatchingRuleWinsAndDefaultIsTheFallback() {
        String def = """
                {"StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[
                     {"Variable":"$.n","NumericGreaterThan":10,"Next":"Big"},
                     {"Variable":"$.n","NumericGreaterThan":0,"Next":"Small"}],"Default":"Other"},
                  "Big":{"Type":"Pass","Result":"big","End":true},
                  "Small":{"Type":"Pass","Result":"small","End":true},
                  "Other":{"Type":"Pass","Result":"other","End":true}}}""";
        assertThat(Asl.output(def, "{\"n\":50}").asText()).isEqualTo("big");
        assertThat(Asl.output(def, "{\"n\":5}").asText()).isEqualTo("small");
        assertThat(Asl.output(def, "{\"n\":-5}").asText()).isEqualTo("other");
    }

    @Test
    void noMatchAndNoDefaultFailsWithNoChoiceMatched() {
        String def = """
                {"StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"A"}]},
                  "A":{"Type":"Succeed"}}}""";
        ExecutionResult r = run(def, "{\"n\":2}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void choiceAppliesInputPathBeforeTheRulesAndOutputPathAfter() {
        String def = """
                {"StartAt":"C","States":{
                  "C":{"Type":"Choice","InputPath":"$.inner","OutputPath":"$.keep",
                       "Choices":[{"Variable":"$.flag","BooleanEquals":true,"Next":"End"}]},
                  "End":{"Type":"Succeed"}}}""";
        assertThat(Asl.output(def, "{\"inner\":{\"flag\":true,\"keep\":{\"k\":1}}}")).isEqualTo(json("{\"k\":1}"));
    }

    @Test
    void variablesCanReadTheContextObject() {
        assertThat(matches("{\"Variable\":\"$$.State.Name\",\"StringEquals\":\"C\"}", "{}")).isTrue();
    }
}

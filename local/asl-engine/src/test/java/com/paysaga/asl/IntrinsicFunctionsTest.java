package com.paysaga.asl;

import static com.paysaga.asl.Asl.json;
import static com.paysaga.asl.Asl.output;
import static com.paysaga.asl.Asl.pass;
import static com.paysaga.asl.Asl.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.internal.json.Json;

/** The developer guide's intrinsic functions, each with the guide's example and expected output. */
class IntrinsicFunctionsTest {

    /** Evaluates {@code expression} as the value of {@code "v.$"} in a Pass state's Parameters. */
    private static JsonNode eval(String expression, String input) {
        String quoted = Json.compact(Json.NODES.textNode(expression));
        return output(pass("\"Parameters\":{\"v.$\":" + quoted + "}"), input).get("v");
    }

    private static ExecutionResult evalFailure(String expression, String input) {
        String quoted = Json.compact(Json.NODES.textNode(expression));
        ExecutionResult r = run(pass("\"Parameters\":{\"v.$\":" + quoted + "}"), input);
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        return r;
    }

    @Test
    void formatInterpolatesLiteralTemplatesAndTemplatesFromPaths() {
        String input = "{\"name\":\"Arnav\",\"template\":\"Hello, my name is {}.\"}";
        assertThat(eval("States.Format('Hello, my name is {}.', $.name)", input).asText()).isEqualTo("Hello, my name is Arnav.");
        assertThat(eval("States.Format($.template, $.name)", input).asText()).isEqualTo("Hello, my name is Arnav.");
    }

    @Test
    void formatWritesNumbersBooleansAndNullAsJson() {
        assertThat(eval("States.Format('{} {} {} {}', 3, 1.5, true, null)", "{}").asText()).isEqualTo("3 1.5 true null");
    }

    @Test
    void escapedReservedCharactersAreLiteralInStrings() {
        assertThat(eval("States.Format('It\\'s \\{\\} and \\\\ and {}', 'x')", "{}").asText())
                .isEqualTo("It's {} and \\ and x");
    }

    @Test
    void formatWithTooFewValuesFailsWithIntrinsicFailure() {
        ExecutionResult r = evalFailure("States.Format('{} and {}', 'one')", "{}");
        assertThat(r.error()).isEqualTo("States.IntrinsicFailure");
        assertThat(r.cause()).contains("The function 'States.Format('{} and {}', 'one')' had the following error");
    }

    @Test
    void aMissingPathArgumentFailsWithTheCauseTheServiceWrites() {
        ExecutionResult r = evalFailure("States.Format('{}', $.nope)", "{\"other\":1}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).isEqualTo("An error occurred while executing the state 'P' (entered at the event id #2). "
                + "The function 'States.Format('{}', $.nope)' had the following error: "
                + "The JsonPath argument for the field '$.nope' could not be found in the input '{\"other\":1}'");
    }

    @Test
    void stringToJsonParsesAnEscapedJsonString() {
        assertThat(eval("States.StringToJson($.escapedJsonString)", "{\"escapedJsonString\":\"{\\\"foo\\\": \\\"bar\\\"}\"}"))
                .isEqualTo(json("{\"foo\":\"bar\"}"));
    }

    @Test
    void jsonToStringSerializesTheSelectedNode() {
        assertThat(eval("States.JsonToString($.unescapedJson)", "{\"unescapedJson\":{\"foo\":\"bar\"}}").asText())
                .isEqualTo("{\"foo\":\"bar\"}");
    }

    @Test
    void arrayCollectsItsArguments() {
        assertThat(eval("States.Array($.Id)", "{\"Id\":123456}")).isEqualTo(json("[123456]"));
        assertThat(eval("States.Array()", "{}")).isEqualTo(json("[]"));
        assertThat(eval("States.Array('a', 1, true, null, $.o)", "{\"o\":{\"k\":1}}"))
                .isEqualTo(json("[\"a\",1,true,null,{\"k\":1}]"));
    }

    @Test
    void arrayPartitionSplitsIntoChunksWithAShorterLastChunk() {
        assertThat(eval("States.ArrayPartition($.inputArray, 4)", "{\"inputArray\":[1,2,3,4,5,6,7,8,9]}"))
                .isEqualTo(json("[[1,2,3,4],[5,6,7,8],[9]]"));
    }

    @Test
    void arrayContainsFindsAValue() {
        String input = "{\"inputArray\":[1,2,3,4,5,6,7,8,9],\"lookingFor\":5}";
        assertThat(eval("States.ArrayContains($.inputArray, $.lookingFor)", input).booleanValue()).isTrue();
        assertThat(eval("States.ArrayContains($.inputArray, 10)", input).booleanValue()).isFalse();
    }

    @Test
    void arrayRangeCountsFromStartToEndInclusiveByStep() {
        assertThat(eval("States.ArrayRange(1, 9, 2)", "{}")).isEqualTo(json("[1,3,5,7,9]"));
        assertThat(eval("States.ArrayRange(5, 1, -2)", "{}")).isEqualTo(json("[5,3,1]"));
    }

    @Test
    void arrayRangeOfMoreThanAThousandElementsFails() {
        assertThat(evalFailure("States.ArrayRange(1, 1001, 1)", "{}").error()).isEqualTo("States.IntrinsicFailure");
        assertThat(eval("States.ArrayRange(1, 1000, 1)", "{}").size()).isEqualTo(1000);
    }

    @Test
    void arrayGetItemReturnsTheElementAtAnIndex() {
        assertThat(eval("States.ArrayGetItem($.inputArray, $.index)", "{\"inputArray\":[1,2,3,4,5,6,7,8,9],\"index\":5}"))
                .isEqualTo(json("6"));
    }

    @Test
    void arrayGetItemOutOfBoundsFailsWithIntrinsicFailure() {
        assertThat(evalFailure("States.ArrayGetItem($.a, 3)", "{\"a\":[1]}").error()).isEqualTo("States.IntrinsicFailure");
    }

    @Test
    void arrayLengthCountsElements() {
        assertThat(eval("States.ArrayLength($.inputArray)", "{\"inputArray\":[1,2,3,4,5,6,7,8,9]}")).isEqualTo(json("9"));
    }

    @Test
    void arrayUniqueRemovesDuplicatesKeepingFirstOccurrences() {
        assertThat(eval("States.ArrayUnique($.inputArray)", "{\"inputArray\":[1,2,3,3,3,3,3,3,4]}"))
                .isEqualTo(json("[1,2,3,4]"));
    }

    @Test
    void base64EncodeAndDecodeRoundTrip() {
        assertThat(eval("States.Base64Encode($.input)", "{\"input\":\"Data to encode\"}").asText())
                .isEqualTo("RGF0YSB0byBlbmNvZGU=");
        assertThat(eval("States.Base64Decode($.base64)", "{\"base64\":\"RGF0YSB0byBlbmNvZGU=\"}").asText())
                .isEqualTo("Data to encode");
    }

    @Test
    void base64InputOverTenThousandCharactersFails() {
        String big = "x".repeat(10_001);
        assertThat(evalFailure("States.Base64Encode($.s)", "{\"s\":\"" + big + "\"}").error())
                .isEqualTo("States.IntrinsicFailure");
    }

    @Test
    void hashComputesTheHexDigest() {
        assertThat(eval("States.Hash($.Data, $.Algorithm)", "{\"Data\":\"input data\",\"Algorithm\":\"SHA-1\"}").asText())
                .isEqualTo("aaff4a450a104cd177d28d18d74485e8cae074b7");
        assertThat(eval("States.Hash('input data', 'MD5')", "{}").asText()).hasSize(32);
        assertThat(eval("States.Hash('input data', 'SHA-512')", "{}").asText()).hasSize(128);
    }

    @Test
    void hashWithAnUnknownAlgorithmFails() {
        assertThat(evalFailure("States.Hash('x', 'SHA-3')", "{}").error()).isEqualTo("States.IntrinsicFailure");
    }

    @Test
    void jsonMergeIsAShallowMerge() {
        String input = "{\"json1\":{\"a\":{\"a1\":1,\"a2\":2},\"b\":2},\"json2\":{\"a\":{\"a3\":1,\"a4\":2},\"c\":3}}";
        assertThat(eval("States.JsonMerge($.json1, $.json2, false)", input))
                .isEqualTo(json("{\"a\":{\"a3\":1,\"a4\":2},\"b\":2,\"c\":3}"));
    }

    @Test
    void jsonMergeRefusesTheDeepMode() {
        assertThat(evalFailure("States.JsonMerge($.a, $.b, true)", "{\"a\":{},\"b\":{}}").error())
                .isEqualTo("States.IntrinsicFailure");
    }

    @Test
    void mathRandomStaysInItsRangeAndIsRepeatableWithASeed() {
        for (int i = 0; i < 20; i++) {
            assertThat(eval("States.MathRandom($.start, $.end)", "{\"start\":1,\"end\":999}").asInt()).isBetween(1, 998);
        }
        assertThat(eval("States.MathRandom(1, 1000, 7)", "{}")).isEqualTo(eval("States.MathRandom(1, 1000, 7)", "{}"));
    }

    @Test
    void mathAddAddsIntegers() {
        assertThat(eval("States.MathAdd($.value1, $.step)", "{\"value1\":111,\"step\":-1}")).isEqualTo(json("110"));
    }

    @Test
    void mathAddRefusesFractions() {
        assertThat(evalFailure("States.MathAdd(1.5, 1)", "{}").error()).isEqualTo("States.IntrinsicFailure");
    }

    @Test
    void stringSplitTreatsEachDelimiterCharacterAsASeparator() {
        assertThat(eval("States.StringSplit($.inputString, $.splitter)", "{\"inputString\":\"1,2,3,4,5\",\"splitter\":\",\"}"))
                .isEqualTo(json("[\"1\",\"2\",\"3\",\"4\",\"5\"]"));
        assertThat(eval("States.StringSplit($.inputString, $.splitter)",
                "{\"inputString\":\"This.is+a,test=string\",\"splitter\":\".+,=\"}"))
                .isEqualTo(json("[\"This\",\"is\",\"a\",\"test\",\"string\"]"));
    }

    @Test
    void uuidIsAVersionFourUuid() {
        assertThat(eval("States.UUID()", "{}").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void nineNestedFunctionsInOneFieldAreEvaluatedInsideOut() {
        String expr = "States.Format('{}.{}', "
                + "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), "
                + "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))";
        String input = "{\"ImageRecipe\":{\"Arn\":\"arn:aws:imagebuilder:us-east-1:111122223333:image-recipe/my-recipe/2.5.0\"}}";
        assertThat(eval(expr, input).asText()).isEqualTo("2.5");
    }

    @Test
    void moreThanTenFunctionsInOneFieldIsRejectedAtLoad() {
        String expr = "States.Array(" + "States.UUID(), ".repeat(10) + "1)";
        assertThatThrownBy(() -> Asl.engine().build().load(pass("\"Parameters\":{\"v.$\":\"" + expr + "\"}")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("more than 10");
    }

    @Test
    void intrinsicFunctionsReadTheContextObject() {
        assertThat(eval("States.Format('{}-{}', $$.State.Name, $.n)", "{\"n\":1}").asText()).isEqualTo("P-1");
    }

    @Test
    void invalidIntrinsicSyntaxIsRejectedAtLoadWithTheServiceMessage() {
        for (String bad : new String[] {"States.Format('unterminated)", "States.Nope(1)", "States.UUID(1)",
                "States.Format('a\\qb')", "States.Array(1 2)"}) {
            String quoted = Json.compact(Json.NODES.textNode(bad));
            assertThatThrownBy(() -> Asl.engine().build().load(pass("\"Parameters\":{\"v.$\":" + quoted + "}")))
                    .as(bad)
                    .isInstanceOf(InvalidDefinitionException.class)
                    .hasMessageContaining("The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call")
                    .hasMessageContaining("/States/P/Parameters");
        }
    }

    @Test
    void intrinsicFailuresCanBeCaughtByATaskCatcher() {
        AslEngine engine = Asl.engine().lambdaInvoker((fn, p, ctx) -> p).build();
        String def = """
                {"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
                       "Parameters":{"v.$":"States.ArrayGetItem($.a, 5)"},
                       "Catch":[{"ErrorEquals":["States.IntrinsicFailure"],"ResultPath":"$.err","Next":"Caught"}],"End":true},
                  "Caught":{"Type":"Pass","End":true}}}""";
        ExecutionResult r = run(engine, def, "{\"a\":[1]}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output().at("/err/Error").asText()).isEqualTo("States.IntrinsicFailure");
    }
}

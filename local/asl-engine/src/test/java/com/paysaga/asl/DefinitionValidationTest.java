package com.paysaga.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Definitions are refused on load with the codes and locations of the service's
 * ValidateStateMachineDefinition, every problem at once.
 */
class DefinitionValidationTest {

    private static List<Diagnostic> problems(String definition) {
        try {
            Asl.engine().build().load(definition);
        } catch (InvalidDefinitionException e) {
            return e.diagnostics();
        }
        throw new AssertionError("expected the definition to be refused: " + definition);
    }

    private static void valid(String definition) {
        try {
            Asl.engine().build().load(definition);
        } catch (InvalidDefinitionException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void malformedJsonIsAnInvalidJsonDescription() {
        assertThat(problems("{\"StartAt\":")).singleElement()
                .satisfies(d -> assertThat(d.code()).isEqualTo("INVALID_JSON_DESCRIPTION"));
    }

    @Test
    void anUnknownNextTargetIsAMissingTransitionTarget() {
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}"))
                .contains(new Diagnostic("MISSING_TRANSITION_TARGET", "Missing 'Next' target: Nowhere", "/States/A/Next"));
    }

    @Test
    void anUnknownStartAtIsReported() {
        assertThat(problems("{\"StartAt\":\"X\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}"))
                .extracting(Diagnostic::location).contains("/StartAt");
    }

    @Test
    void unreachableStatesAreReportedAsTheServiceDoes() {
        assertThat(problems("""
                {"StartAt":"A","States":{"A":{"Type":"Succeed"},"B":{"Type":"Succeed"}}}"""))
                .contains(new Diagnostic("MISSING_TRANSITION_TARGET", "State \"B\" is not reachable.", "/States/B"));
    }

    @Test
    void statesReachedOnlyThroughCatchOrChoiceAreReachable() {
        valid("""
                {"StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"T"}],"Default":"D"},
                  "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true,
                       "Catch":[{"ErrorEquals":["States.ALL"],"Next":"F"}]},
                  "D":{"Type":"Succeed"},"F":{"Type":"Fail"}}}""");
    }

    @Test
    void aStateNeedsNextOrEndButNotBoth() {
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"}}}"))
                .extracting(Diagnostic::message).contains("These fields are required: [Next or End]");
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"A\",\"End\":true}}}"))
                .extracting(Diagnostic::message).contains("Fields 'Next' and 'End' are mutually exclusive");
    }

    @Test
    void fieldsThatTheStateTypeDoesNotHaveAreRefused() {
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\",\"Result\":1}}}"))
                .contains(new Diagnostic("SCHEMA_VALIDATION_FAILED", "Field 'Result' is not supported", "/States/A/Result"));
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Choice\",\"End\":true,"
                + "\"Choices\":[{\"Variable\":\"$.a\",\"IsNull\":true,\"Next\":\"A\"}]}}}"))
                .extracting(Diagnostic::location).contains("/States/A/End");
    }

    @Test
    void anUnknownStateTypeIsRefused() {
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Sleep\",\"End\":true}}}"))
                .extracting(Diagnostic::location).containsExactly("/States/A/Type");
    }

    @Test
    void badPathsAreRefused() {
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"InputPath\":\"foo\",\"End\":true}}}"))
                .extracting(Diagnostic::location).containsExactly("/States/A/InputPath");
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"ResultPath\":\"$.a[*]\",\"End\":true}}}"))
                .extracting(Diagnostic::location).containsExactly("/States/A/ResultPath");
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"OutputPath\":\"$.a[\",\"End\":true}}}"))
                .extracting(Diagnostic::location).containsExactly("/States/A/OutputPath");
    }

    @Test
    void dollarKeysMustHoldAPathOrAnIntrinsicCall() {
        assertThat(problems("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"hello\"},\"End\":true}}}"))
                .contains(new Diagnostic("SCHEMA_VALIDATION_FAILED",
                        "The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call",
                        "/States/A/Parameters"));
    }

    @Test
    void statesAllMustBeAloneAndLastInRetryAndCatch() {
        String def = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true,
                  "Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}],
                  "Catch":[{"ErrorEquals":["States.ALL","X"],"Next":"T"}]}}}""";
        assertThat(problems(def)).extracting(Diagnostic::location)
                .contains("/States/T/Retry/0/ErrorEquals", "/States/T/Catch/0/ErrorEquals");
    }

    @Test
    void retrierFieldsAreCheckedAgainstTheirBounds() {
        String def = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true,
                  "Retry":[{"ErrorEquals":["X"],"IntervalSeconds":0,"MaxAttempts":-1,"BackoffRate":0.5,
                            "MaxDelaySeconds":0,"JitterStrategy":"HALF","Unknown":1}]}}}""";
        assertThat(problems(def)).extracting(Diagnostic::location).contains(
                "/States/T/Retry/0/IntervalSeconds", "/States/T/Retry/0/MaxAttempts", "/States/T/Retry/0/BackoffRate",
                "/States/T/Retry/0/MaxDelaySeconds", "/States/T/Retry/0/JitterStrategy", "/States/T/Retry/0/Unknown");
    }

    @Test
    void catchersNeedErrorEqualsAndNext() {
        String def = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true,
                  "Catch":[{"ResultPath":"$.e"}]}}}""";
        assertThat(problems(def)).extracting(Diagnostic::message)
                .contains("These fields are required: [ErrorEquals]", "These fields are required: [Next]");
    }

    @Test
    void reservedErrorNamesMustBePredefined() {
        String def = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true,
                  "Retry":[{"ErrorEquals":["States.Nonsense"]}]}}}""";
        assertThat(problems(def)).extracting(Diagnostic::location).containsExactly("/States/T/Retry/0/ErrorEquals");
    }

    @Test
    void heartbeatMustBeShorterThanTimeoutAndBothFormsAreExclusive() {
        assertThat(problems("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true,
                  "TimeoutSeconds":10,"HeartbeatSeconds":10}}}""")).extracting(Diagnostic::location)
                .containsExactly("/States/T/HeartbeatSeconds");
        assertThat(problems("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true,
                  "TimeoutSeconds":10,"TimeoutSecondsPath":"$.t"}}}""")).isNotEmpty();
    }

    @Test
    void choiceRulesAreChecked() {
        String def = """
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                   {"Variable":"$.a","NumericEquals":"one","Next":"D"},
                   {"Variable":"$.a","StringEquals":"x","BooleanEquals":true,"Next":"D"},
                   {"Not":{"Variable":"$.a","IsNull":true,"Next":"D"},"Next":"D"},
                   {"Variable":"$.a","StringEquals":"x"},
                   {"Variable":"$.a","TimestampEquals":"yesterday","Next":"D"}]},
                  "D":{"Type":"Succeed"}}}""";
        assertThat(problems(def)).extracting(Diagnostic::location).contains("/States/C/Choices/0/NumericEquals",
                "/States/C/Choices/1", "/States/C/Choices/2/Not/Next", "/States/C/Choices/3",
                "/States/C/Choices/4/TimestampEquals");
    }

    @Test
    void waitNeedsExactlyOneOfItsFourFields() {
        assertThat(problems("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":1,\"SecondsPath\":\"$.s\",\"End\":true}}}"))
                .isNotEmpty();
        assertThat(problems("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Timestamp\":\"tomorrow\",\"End\":true}}}"))
                .extracting(Diagnostic::location).containsExactly("/States/W/Timestamp");
    }

    @Test
    void branchesAreValidatedAsStateMachinesOfTheirOwn() {
        String def = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                   {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Outside"}}}]},
                 "Outside":{"Type":"Succeed"}}}""";
        assertThat(problems(def)).contains(new Diagnostic("MISSING_TRANSITION_TARGET", "Missing 'Next' target: Outside",
                "/States/P/Branches/0/States/A/Next"));
    }

    @Test
    void mapModeFieldsAreChecked() {
        String def = """
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
                   "ItemReader":{"Resource":"arn:aws:states:::s3:getObject"},
                   "ItemProcessor":{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}}}}""";
        assertThat(problems(def)).extracting(Diagnostic::location).contains("/States/M/ItemReader");
        String distributedWithoutType = """
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
                   "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"A","States":{"A":{"Type":"Succeed"}}}}}}""";
        assertThat(problems(distributedWithoutType)).extracting(Diagnostic::message)
                .contains("These fields are required: [ExecutionType]");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String def = """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"X","Bogus":1},"B":{"Type":"Wait","End":true}}}""";
        assertThat(problems(def)).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void jsonataIsRefusedClearly() {
        assertThat(problems("{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}"))
                .extracting(Diagnostic::location).containsExactly("/QueryLanguage");
    }

    @Test
    void callbackTasksMustPassTheTaskToken() {
        assertThat(problems("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
                  "Parameters":{"Message":"hi"},"End":true}}}""")).extracting(Diagnostic::location)
                .containsExactly("/States/T/Parameters");
    }

    @Test
    void theExceptionMessageListsEveryDiagnostic() {
        assertThatThrownBy(() -> Asl.engine().build().load("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Z\"}}}"))
                .hasMessage("Invalid State Machine Definition: MISSING_TRANSITION_TARGET: Missing 'Next' target: Z at /States/A/Next");
    }
}

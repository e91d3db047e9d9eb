package com.paysaga.asl;

import static com.paysaga.asl.Asl.json;
import static com.paysaga.asl.Asl.output;
import static com.paysaga.asl.Asl.pass;
import static com.paysaga.asl.Asl.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The developer guide's input and output processing: InputPath, Parameters, ResultSelector,
 * ResultPath, OutputPath, applied in that order, with the guide's own examples.
 */
class InputOutputProcessingTest {

    private static final String LAMBDA_INPUT = """
            {"comment":"This is a test of the input and output of a Task state.","details":"Default example","who":"AWS Step Functions"}""";

    /** A Task whose "Lambda" answers as the guide's HelloWorld function does. */
    private static JsonNode helloTask(String fields, String input) {
        AslEngine engine = Asl.engine()
                .lambdaInvoker((fn, payload, ctx) -> json("\"Hello, " + payload.path("who").asText() + "!\""))
                .build();
        String def = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:HelloFunction",%s"End":true}}}"""
                .formatted(fields.isEmpty() ? "" : fields + ",");
        ExecutionResult r = run(engine, def, input);
        assertThat(r.status()).as(r.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return r.output();
    }

    @Test
    void inputPathSelectsThePartOfTheInputTheStateWorksOn() {
        String input = """
                {"comment":"Example for InputPath.","dataset1":{"val1":1,"val2":2,"val3":3},"dataset2":{"val1":"a","val2":"b","val3":"c"}}""";
        assertThat(output(pass("\"InputPath\":\"$.dataset2\""), input)).isEqualTo(json("""
                {"val1":"a","val2":"b","val3":"c"}"""));
    }

    @Test
    void parametersBuildTheEffectiveInputFromStaticValuesAndDollarKeys() {
        String input = """
                {"comment":"Example for Parameters.","product":{"details":{"color":"blue","size":"small","material":"cotton"},"availability":"in stock","sku":"2317","cost":"$23"}}""";
        String def = pass("""
                "Parameters":{"comment":"Selecting what I care about.","MyDetails":{"size.$":"$.product.details.size","exists.$":"$.product.availability","StaticValue":"foo"}}""");
        assertThat(output(def, input)).isEqualTo(json("""
                {"comment":"Selecting what I care about.","MyDetails":{"size":"small","exists":"in stock","StaticValue":"foo"}}"""));
    }

    @Test
    void parametersAreAppliedAfterInputPath() {
        String def = pass("\"InputPath\":\"$.inner\",\"Parameters\":{\"x.$\":\"$.a\"}");
        assertThat(output(def, "{\"a\":\"outer\",\"inner\":{\"a\":\"inner\"}}")).isEqualTo(json("{\"x\":\"inner\"}"));
    }

    @Test
    void dollarKeysInsideArraysOfParametersAreResolved() {
        String def = pass("\"Parameters\":{\"list\":[{\"v.$\":\"$.a\"},\"static\",[{\"w.$\":\"$.b\"}]]}");
        assertThat(output(def, "{\"a\":1,\"b\":2}")).isEqualTo(json("{\"list\":[{\"v\":1},\"static\",[{\"w\":2}]]}"));
    }

    @Test
    void parametersPathsMayBeFullJsonPathWithFiltersAndWildcards() {
        String def = pass("\"Parameters\":{\"big.$\":\"$.items[?(@.n > 1)].n\",\"all.$\":\"$.items[*].n\"}");
        assertThat(output(def, "{\"items\":[{\"n\":1},{\"n\":2},{\"n\":3}]}"))
                .isEqualTo(json("{\"big\":[2,3],\"all\":[1,2,3]}"));
    }

    @Test
    void withoutResultPathTheResultReplacesTheInput() {
        assertThat(helloTask("", LAMBDA_INPUT)).isEqualTo(json("\"Hello, AWS Step Functions!\""));
        assertThat(helloTask("\"ResultPath\":\"$\"", LAMBDA_INPUT)).isEqualTo(json("\"Hello, AWS Step Functions!\""));
    }

    @Test
    void resultPathNullDiscardsTheResultAndKeepsTheOriginalInput() {
        assertThat(helloTask("\"ResultPath\":null", LAMBDA_INPUT)).isEqualTo(json(LAMBDA_INPUT));
    }

    @Test
    void resultPathInsertsTheResultIntoTheInput() {
        JsonNode out = helloTask("\"ResultPath\":\"$.taskresult\"", LAMBDA_INPUT);
        assertThat(out.get("taskresult").asText()).isEqualTo("Hello, AWS Step Functions!");
        assertThat(out.get("details").asText()).isEqualTo("Default example");
    }

    @Test
    void resultPathInsertsTheResultAsAChildOfAnExistingNode() {
        String input = """
                {"comment":"An input comment.","strings":{"string1":"foo","string2":"bar","string3":"baz"},"who":"AWS Step Functions"}""";
        assertThat(helloTask("\"ResultPath\":\"$.strings.lambdaresult\"", input)).isEqualTo(json("""
                {"comment":"An input comment.","strings":{"string1":"foo","string2":"bar","string3":"baz","lambdaresult":"Hello, AWS Step Functions!"},"who":"AWS Step Functions"}"""));
    }

    @Test
    void resultPathOverwritesAnExistingNode() {
        JsonNode out = helloTask("\"ResultPath\":\"$.comment\"", LAMBDA_INPUT);
        assertThat(out.get("comment").asText()).isEqualTo("Hello, AWS Step Functions!");
        assertThat(out.get("who").asText()).isEqualTo("AWS Step Functions");
    }

    @Test
    void resultPathCreatesMissingIntermediateObjects() {
        assertThat(output(pass("\"Result\":7,\"ResultPath\":\"$.a.b.c\""), "{\"x\":1}"))
                .isEqualTo(json("{\"x\":1,\"a\":{\"b\":{\"c\":7}}}"));
    }

    @Test
    void resultPathLeavesTheStateInputUnchangedForTheNextState() {
        String def = """
                {"StartAt":"A","States":{
                  "A":{"Type":"Pass","Result":1,"ResultPath":"$.one","Next":"B"},
                  "B":{"Type":"Pass","Result":2,"ResultPath":"$.two","End":true}}}""";
        assertThat(output(def, "{}")).isEqualTo(json("{\"one\":1,\"two\":2}"));
    }

    @Test
    void resultPathIntoAScalarFailsWithResultPathMatchFailure() {
        ExecutionResult r = run(pass("\"Result\":1,\"ResultPath\":\"$.a.b\""), "{\"a\":\"text\"}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.ResultPathMatchFailure");
        assertThat(r.cause()).startsWith("An error occurred while executing the state 'P' (entered at the event id #2). "
                + "Unable to apply ResultPath \"$.a.b\" to input \"{\"a\":\"text\"}\"");
    }

    @Test
    void outputPathSelectsWhatIsPassedOn() {
        assertThat(output(pass("\"Result\":{\"keep\":1,\"drop\":2},\"OutputPath\":\"$.keep\""), "{}")).isEqualTo(json("1"));
    }

    @Test
    void nullInputPathAndOutputPathGiveAnEmptyObject() {
        assertThat(output(pass("\"InputPath\":null"), "{\"a\":1}")).isEqualTo(json("{}"));
        assertThat(output(pass("\"OutputPath\":null"), "{\"a\":1}")).isEqualTo(json("{}"));
    }

    @Test
    void resultSelectorShapesTheTaskResultBeforeResultPath() {
        AslEngine engine = Asl.engine()
                .lambdaInvoker((fn, payload, ctx) -> json("{\"foo\":\"bar\",\"count\":3}"))
                .build();
        String def = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"fn","Payload.$":"$"},
                  "ResultSelector":{"value.$":"$.Payload.foo","code.$":"$.StatusCode","static":true},
                  "ResultPath":"$.result","End":true}}}""";
        ExecutionResult r = run(engine, def, "{\"in\":1}");
        assertThat(r.output()).isEqualTo(json("{\"in\":1,\"result\":{\"value\":\"bar\",\"code\":200,\"static\":true}}"));
    }

    @Test
    void passStateResultReplacesTheEffectiveInputAndMergesThroughResultPath() {
        String def = pass("""
                "Result":{"x-datum":0.381018,"y-datum":622.2269926397355},"ResultPath":"$.coords\"""");
        assertThat(output(def, "{\"georefOf\":\"Home\"}")).isEqualTo(json("""
                {"georefOf":"Home","coords":{"x-datum":0.381018,"y-datum":622.2269926397355}}"""));
    }

    @Test
    void aMissingInputPathFailsWithStatesRuntimeAndTheServiceCause() {
        ExecutionResult r = run(pass("\"InputPath\":\"$.missing\""), "{\"a\":1}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).isEqualTo("An error occurred while executing the state 'P' (entered at the event id #2). "
                + "Invalid path '$.missing' : No results for path: $['missing']");
    }

    @Test
    void aMissingOutputPathFailsWithStatesRuntime() {
        ExecutionResult r = run(pass("\"OutputPath\":\"$.Payload\""), "{\"a\":1}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).endsWith("Invalid path '$.Payload' : No results for path: $['Payload']");
    }

    @Test
    void aMissingParametersPathFailsWithTheCauseTheServiceWrites() {
        ExecutionResult r = run(pass("\"Parameters\":{\"JobName.$\":\"$.JobName\"}"), "{}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).isEqualTo("An error occurred while executing the state 'P' (entered at the event id #2). "
                + "The JSONPath '$.JobName' specified for the field 'JobName.$' could not be found in the input '{}'");
    }

    @Test
    void statesRuntimeErrorsAreNotCaughtEvenByStatesAll() {
        AslEngine engine = Asl.engine().lambdaInvoker((fn, p, ctx) -> json("{}")).build();
        String def = """
                {"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","OutputPath":"$.nope",
                       "Retry":[{"ErrorEquals":["States.ALL"]}],
                       "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
                  "Caught":{"Type":"Succeed"}}}""";
        Execution e = Asl.start(engine, def, "{}");
        ExecutionResult r = Asl.finish(e);
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(Asl.types(e)).filteredOn(t -> t.name().startsWith("LambdaFunctionScheduled")).hasSize(1);
    }

    @Test
    void theContextObjectIsReachableWithDoubleDollarPaths() {
        String def = pass("""
                "Parameters":{"id.$":"$$.Execution.Id","name.$":"$$.Execution.Name","state.$":"$$.State.Name",
                  "retries.$":"$$.State.RetryCount","sm.$":"$$.StateMachine.Id","input.$":"$$.Execution.Input.k",
                  "started.$":"$$.Execution.StartTime"}""");
        AslEngine engine = Asl.engine().build();
        try {
            StateMachine sm = engine.load("Machine", def);
            ExecutionResult r = Asl.finish(engine.start(sm, "exec-1", json("{\"k\":\"v\"}")));
            JsonNode out = r.output();
            assertThat(out.get("id").asText()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Machine:exec-1");
            assertThat(out.get("name").asText()).isEqualTo("exec-1");
            assertThat(out.get("state").asText()).isEqualTo("P");
            assertThat(out.get("retries").asInt()).isZero();
            assertThat(out.get("sm").asText()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Machine");
            assertThat(out.get("input").asText()).isEqualTo("v");
            assertThat(out.get("started").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        } catch (InvalidDefinitionException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void mapItemIndexAndValueAreInTheContextOfTheMapParameters() {
        String def = """
                {"StartAt":"ExampleMapState","States":{"ExampleMapState":{"Type":"Map",
                  "Parameters":{"ContextIndex.$":"$$.Map.Item.Index","ContextValue.$":"$$.Map.Item.Value"},
                  "Iterator":{"StartAt":"TestPass","States":{"TestPass":{"Type":"Pass","End":true}}},"End":true}}}""";
        assertThat(output(def, "[{\"who\":\"bob\"},{\"who\":\"meg\"},{\"who\":\"joe\"}]")).isEqualTo(json("""
                [{"ContextValue":{"who":"bob"},"ContextIndex":0},{"ContextValue":{"who":"meg"},"ContextIndex":1},
                 {"ContextValue":{"who":"joe"},"ContextIndex":2}]"""));
    }
}

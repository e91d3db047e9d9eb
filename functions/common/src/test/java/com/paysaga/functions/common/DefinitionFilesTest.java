package com.paysaga.functions.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.saga.BatchExitCode;
import com.paysaga.saga.Stage;
import com.paysaga.provision.CfnTemplate;
import com.paysaga.saga.store.ErrorCatalog;
import com.paysaga.testing.ProjectRoot;

/** state-machine.asl.json and template.yaml are code: their wiring is proved here (STYLE.md §9). */
class DefinitionFilesTest {

    private static final String RECORD_FAILURE = "Record Failure";
    private static final Set<String> FAILURE_PATH = Set.of(RECORD_FAILURE, "Notify Failure");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private final String aslText = read("state-machine.asl.json");
    private final JsonNode asl = json(aslText);
    private final CfnTemplate template = CfnTemplate.load(ProjectRoot.resolve("template.yaml"));

    @Test
    void everyPlaceholderHasADefinitionSubstitutionAndViceVersa() {
        Set<String> placeholders = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(aslText);
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        Set<String> substitutions = new TreeSet<>(map(
                template.properties("IngestStateMachine").get("DefinitionSubstitutions")).keySet());
        assertThat(placeholders).isNotEmpty().isEqualTo(substitutions);
    }

    @Test
    void everyArnInTheDefinitionIsAPlaceholder() {
        Matcher m = Pattern.compile("\"(arn:[^\"]*)\"").matcher(aslText);
        while (m.find()) {
            // Only service integration resources ("arn:aws:states:::…") are literal, as the ASL requires.
            assertThat(m.group(1)).startsWith("arn:aws:states:::");
        }
    }

    @Test
    void everyFunctionTheStateMachineInvokesIsAFunctionOfTheTemplate() {
        Map<String, Object> substitutions = map(
                template.properties("IngestStateMachine").get("DefinitionSubstitutions"));
        List<String> invoked = new ArrayList<>();
        forEachState(asl, (name, state) -> {
            if ("arn:aws:states:::lambda:invoke".equals(state.path("Resource").asText())) {
                invoked.add(state.path("Parameters").path("FunctionName").asText());
            }
        });
        assertThat(invoked).isNotEmpty();
        for (String functionName : invoked) {
            Matcher m = PLACEHOLDER.matcher(functionName);
            assertThat(m.matches()).as("FunctionName %s is a placeholder", functionName).isTrue();
            Object value = substitutions.get(m.group(1));
            List<Object> getAtt = list(map(value).get("Fn::GetAtt"));
            assertThat(getAtt).as("%s is !GetAtt <Function>.Arn", m.group(1)).hasSize(2);
            assertThat(template.typeOf(String.valueOf(getAtt.get(0)))).isEqualTo("AWS::Serverless::Function");
            assertThat(getAtt.get(1)).isEqualTo("Arn");
        }
    }

    @Test
    void everyTaskRetriesTransientErrorsAndCatchesIntoRecordFailure() {
        List<String> checked = new ArrayList<>();
        checkScope(asl.path("States"), List.of(), checked);
        assertThat(checked).contains("Validate File", "Route File", "Decrypt File", "Transform File", "Archive File",
                "Load Chunk", "Finalize Run", "Load Checkpoint", "Checkpoint Transform");
    }

    /**
     * Checks every Task of a scope; {@code enclosing} are the Parallel / Map states (innermost
     * last, each with its scope) whose Catch takes over when a nested scope ends in a Fail state.
     */
    private void checkScope(JsonNode states, List<Map.Entry<JsonNode, JsonNode>> enclosing, List<String> checked) {
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode state = e.getValue();
            String type = state.path("Type").asText();
            if (type.equals("Task")) {
                assertThat(state.path("Retry").isArray() && !state.path("Retry").isEmpty())
                        .as("%s has a Retry", name).isTrue();
                assertThat(retried(state)).as("%s retries its integration's transient errors", name)
                        .containsAll(expectedRetries(state));
                JsonNode catchAll = null;
                for (JsonNode c : state.path("Catch")) {
                    if (contains(c.path("ErrorEquals"), "States.ALL")) {
                        catchAll = c;
                    }
                }
                assertThat(catchAll).as("%s has a Catch for States.ALL", name).isNotNull();
                if (!FAILURE_PATH.contains(name)) {
                    assertThat(reachesRecordFailure(states, catchAll.path("Next").asText(), enclosing))
                            .as("%s's Catch reaches Record Failure", name).isTrue();
                }
                checked.add(name);
            }
            if (type.equals("Parallel")) {
                for (JsonNode branch : state.path("Branches")) {
                    checkScope(branch.path("States"), with(enclosing, states, state), checked);
                }
            }
            if (type.equals("Map")) {
                JsonNode processor = state.has("ItemProcessor") ? state.path("ItemProcessor") : state.path("Iterator");
                checkScope(processor.path("States"), with(enclosing, states, state), checked);
            }
        }
    }

    private static List<Map.Entry<JsonNode, JsonNode>> with(List<Map.Entry<JsonNode, JsonNode>> enclosing,
            JsonNode scope, JsonNode state) {
        List<Map.Entry<JsonNode, JsonNode>> out = new ArrayList<>(enclosing);
        out.add(Map.entry(scope, state));
        return out;
    }

    /** From {@code start}, following every transition, Record Failure is reached, or a Fail state whose enclosing state's Catch reaches it. */
    private boolean reachesRecordFailure(JsonNode states, String start, List<Map.Entry<JsonNode, JsonNode>> enclosing) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            if (name.equals(RECORD_FAILURE) && states.has(RECORD_FAILURE)) {
                return true;
            }
            JsonNode state = states.path(name);
            if (state.path("Type").asText().equals("Fail") && !enclosing.isEmpty()) {
                Map.Entry<JsonNode, JsonNode> outer = enclosing.get(enclosing.size() - 1);
                for (JsonNode c : outer.getValue().path("Catch")) {
                    if (contains(c.path("ErrorEquals"), "States.ALL")
                            && reachesRecordFailure(outer.getKey(), c.path("Next").asText(),
                                    enclosing.subList(0, enclosing.size() - 1))) {
                        return true;
                    }
                }
            }
            todo.addAll(successors(state));
        }
        return false;
    }

    private static List<String> successors(JsonNode state) {
        List<String> out = new ArrayList<>();
        if (state.hasNonNull("Next")) {
            out.add(state.path("Next").asText());
        }
        if (state.hasNonNull("Default")) {
            out.add(state.path("Default").asText());
        }
        for (JsonNode c : state.path("Choices")) {
            out.add(c.path("Next").asText());
        }
        return out;
    }

    private static Set<String> retried(JsonNode task) {
        Set<String> out = new HashSet<>();
        for (JsonNode r : task.path("Retry")) {
            r.path("ErrorEquals").forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static List<String> expectedRetries(JsonNode task) {
        String resource = task.path("Resource").asText();
        if (resource.startsWith("arn:aws:states:::lambda:")) {
            List<String> l = new ArrayList<>(ErrorCatalog.LAMBDA_SERVICE_ERRORS);
            l.addAll(ErrorCatalog.RETRYABLE_FUNCTION_ERRORS);
            return l;
        }
        if (resource.startsWith("arn:aws:states:::batch:")) {
            return ErrorCatalog.BATCH_TRANSIENT_ERRORS;
        }
        if (resource.startsWith("arn:aws:states:::sns:")) {
            return ErrorCatalog.SNS_TRANSIENT_ERRORS;
        }
        throw new AssertionError("a Task with an integration the test does not know: " + resource);
    }

    @Test
    void everyCustomErrorTheDefinitionNamesIsAnExceptionClass() throws ClassNotFoundException {
        Set<String> names = new TreeSet<>();
        forEachState(asl, (name, state) -> {
            for (String field : List.of("Retry", "Catch")) {
                for (JsonNode r : state.path(field)) {
                    r.path("ErrorEquals").forEach(n -> names.add(n.asText()));
                }
            }
        });
        for (String n : names) {
            if (n.startsWith("States.") || n.startsWith("Lambda.") || n.startsWith("Batch.") || n.startsWith("SNS.")) {
                continue;
            }
            // Lambda reports Class.getName() as errorType, so ErrorEquals must hold the full name.
            assertThat(Throwable.class.isAssignableFrom(Class.forName(n))).as(n).isTrue();
        }
    }

    @Test
    void resumeAtCanEnterTheStateMachineAtEveryStage() {
        JsonNode states = asl.path("States");
        JsonNode resumeAt = states.path("Resume At");
        assertThat(resumeAt.path("Type").asText()).isEqualTo("Choice");
        Map<Stage, String> stageStates = Map.of(Stage.Validate, "Validate File", Stage.Route, "Route File",
                Stage.Decrypt, "Decrypt File", Stage.Transform, "Transform File", Stage.Archive, "Archive File",
                Stage.Load, "Load Chunk", Stage.Finalize, "Finalize Run");
        for (Stage stage : Stage.values()) {
            String next = null;
            for (JsonNode c : resumeAt.path("Choices")) {
                if (c.path("Variable").asText().equals("$.resumeAt") && c.path("StringEquals").asText().equals(stage.name())) {
                    next = c.path("Next").asText();
                }
            }
            assertThat(next).as("Resume At has a choice for %s", stage).isNotNull();
            assertThat(reachable(states, next)).as("%s is reachable from Resume At", stageStates.get(stage))
                    .contains(stageStates.get(stage));
        }
        assertThat(states.path("Replay Or New File").path("Choices").get(0).path("Next").asText())
                .isEqualTo("Load Checkpoint");
        assertThat(states.path("Load Checkpoint").path("Next").asText()).isEqualTo("Resume At");
    }

    /** Every state name reachable from {@code start}, entering Parallel branches and Map processors. */
    private static Set<String> reachable(JsonNode states, String start) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            JsonNode state = states.path(name);
            todo.addAll(successors(state));
            for (JsonNode branch : state.path("Branches")) {
                seen.addAll(reachable(branch.path("States"), branch.path("StartAt").asText()));
            }
            if (state.has("ItemProcessor")) {
                JsonNode p = state.path("ItemProcessor");
                seen.addAll(reachable(p.path("States"), p.path("StartAt").asText()));
            }
        }
        return seen;
    }

    @Test
    void aCheckpointFollowsEveryStage() {
        JsonNode states = asl.path("States");
        JsonNode parallel = states.path("Process File");
        JsonNode decrypt = parallel.path("Branches").get(0).path("States");
        JsonNode archive = parallel.path("Branches").get(1).path("States");
        assertCheckpoint(states, "Validate File", "Validate", true);
        assertCheckpoint(states, "Route File", "Route", false);
        assertCheckpoint(decrypt, "Decrypt File", "Decrypt", false);
        assertCheckpoint(decrypt, "Transform File", "Transform", false);
        assertCheckpoint(archive, "Archive File", "Archive", false);
        assertThat(states.path("Load Chunks").path("Next").asText()).isEqualTo("Checkpoint Load");
        assertThat(states.path("Checkpoint Load").path("Parameters").path("Payload").path("stage").asText()).isEqualTo("Load");
        assertThat(states.path("Finalize Run").path("Parameters").path("Payload").path("action").asText()).isEqualTo("finalize");
    }

    private static void assertCheckpoint(JsonNode states, String stageState, String stage, boolean viaDuplicateChoice) {
        String next = states.path(stageState).path("Next").asText();
        if (viaDuplicateChoice) {
            next = states.path(next).path("Default").asText();
        }
        JsonNode checkpoint = states.path(next);
        assertThat(checkpoint.path("Parameters").path("Payload").path("action").asText())
                .as("the state after %s is a checkpoint", stageState).isEqualTo("stageSucceeded");
        assertThat(checkpoint.path("Parameters").path("Payload").path("stage").asText()).isEqualTo(stage);
    }

    @Test
    void stateNamesReadAsPlainLabels() {
        forEachState(asl, (name, state) -> assertThat(name).matches("[A-Z][A-Za-z]*( [A-Za-z]+)*\\??"));
    }

    @Test
    void batchTasksPassTheContractsCommandAndEnvironment() {
        Map<String, String> commands = Map.of("Decrypt File", "decrypt", "Transform File", "transform",
                "Archive File", "archive");
        Set<String> contract = Set.of("CHUNK_SIZE", "FORMAT", "PARTNER", "EXECUTION_NAME", "SOURCE_BUCKET",
                "SOURCE_KEY", "SOURCE_VERSION");
        Map<String, JsonNode> tasks = new LinkedHashMap<>();
        forEachState(asl, (name, state) -> {
            if (state.path("Resource").asText().equals("arn:aws:states:::batch:submitJob.sync")) {
                tasks.put(name, state);
            }
        });
        assertThat(tasks.keySet()).containsExactlyInAnyOrderElementsOf(commands.keySet());
        tasks.forEach((name, task) -> {
            JsonNode overrides = task.path("Parameters").path("ContainerOverrides");
            assertThat(overrides.path("Command.$").asText())
                    .isEqualTo("States.Array('" + commands.get(name) + "', '--file-id', $.run.fileId)");
            Set<String> env = new HashSet<>();
            overrides.path("Environment").forEach(v -> env.add(v.path("Name").asText()));
            assertThat(env).isEqualTo(contract);
            assertThat(task.path("Parameters").path("JobQueue.$").asText()).isEqualTo("$.route.jobQueue");
        });
        Set<String> jobEnv = new HashSet<>();
        Map<String, Object> container = map(template.properties("BatchJobDefinition").get("ContainerProperties"));
        list(container.get("Environment")).forEach(v -> jobEnv.add(String.valueOf(map(v).get("Name"))));
        assertThat(jobEnv).containsExactlyInAnyOrder("RUNS_TABLE", "TOKENS_TABLE", "INBOUND_BUCKET", "WORK_BUCKET",
                "STAGING_BUCKET", "ARCHIVE_BUCKET", "CONFIG_BUCKET", "DATA_KEY_ID", "TOKEN_KEY_ID", "ARCHIVE_KEY_ID",
                "PARTNER_SECRETS_KEY_ID");
    }

    @Test
    void theJobDefinitionRetriesOnlyTransientExitCodes() {
        Map<String, Object> retry = map(template.properties("BatchJobDefinition").get("RetryStrategy"));
        Map<String, String> actions = new LinkedHashMap<>();
        for (Object o : list(retry.get("EvaluateOnExit"))) {
            Map<String, Object> rule = map(o);
            if (rule.containsKey("OnExitCode")) {
                actions.put(String.valueOf(rule.get("OnExitCode")), String.valueOf(rule.get("Action")));
            }
        }
        assertThat(actions).containsEntry(String.valueOf(BatchExitCode.TRANSIENT), "RETRY")
                .containsEntry(String.valueOf(BatchExitCode.INPUT_REJECTED), "EXIT")
                .containsEntry(String.valueOf(BatchExitCode.USAGE), "EXIT");
    }

    @Test
    void theLeaseLastsExactlyAsLongAsAnExecutionMay() {
        String lease = String.valueOf(map(template.section("Parameters").get("LeaseTimeout")).get("Default"));
        assertThat(Duration.parse(lease).toSeconds()).isEqualTo(asl.path("TimeoutSeconds").asLong());
        assertThat(new RunsConfigDefaults().leaseTimeout()).isEqualTo(Duration.parse(lease));
    }

    /** The @WithDefault of RunsConfig, read without a Quarkus application. */
    static final class RunsConfigDefaults {
        Duration leaseTimeout() {
            try {
                var m = RunsConfig.class.getMethod("leaseTimeout");
                return Duration.parse(m.getAnnotation(io.smallrye.config.WithDefault.class).value());
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void iamStatementsNameNoWildcardActionsAndScopeResourcesToTheStack() {
        // Actions AWS offers no resource-level permission for (Service Authorization Reference).
        Set<String> unscopable = Set.of("batch:ListJobs", "batch:DescribeJobs", "logs:CreateLogDelivery",
                "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
                "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
                "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets");
        List<Map<String, Object>> statements = new ArrayList<>();
        for (var e : template.resources().entrySet()) {
            Map<String, Object> resource = map(e.getValue());
            String type = String.valueOf(resource.get("Type"));
            Map<String, Object> props = map(resource.get("Properties"));
            if (type.equals("AWS::Serverless::Function") || type.equals("AWS::Serverless::StateMachine")) {
                for (Object p : list(props.get("Policies"))) {
                    list(map(p).get("Statement")).forEach(s -> statements.add(map(s)));
                }
            }
            if (type.equals("AWS::IAM::Role")) {
                for (Object p : list(props.get("Policies"))) {
                    list(map(map(p).get("PolicyDocument")).get("Statement"))
                            .forEach(s -> statements.add(map(s)));
                }
            }
        }
        assertThat(statements).hasSizeGreaterThan(20);
        for (Map<String, Object> s : statements) {
            List<String> actions = strings(s.get("Action"));
            assertThat(actions).as("statement %s", s.get("Sid")).isNotEmpty()
                    .allSatisfy(a -> assertThat(a).doesNotContain("*"));
            if (strings(s.get("Resource")).contains("*")) {
                assertThat(unscopable).as("statement %s may use Resource * only for unscopable actions", s.get("Sid"))
                        .containsAll(actions);
            }
        }
    }

    @Test
    void theUploadRuleStartsTheStateMachineForObjectsUnderInbound() {
        Map<String, Object> rule = template.properties("InboundUploadRule");
        Map<String, Object> pattern = map(rule.get("EventPattern"));
        assertThat(strings(pattern.get("source"))).containsExactly("aws.s3");
        assertThat(strings(pattern.get("detail-type"))).containsExactly("Object Created");
        Map<String, Object> detail = map(pattern.get("detail"));
        assertThat(list(map(detail.get("bucket")).get("name")))
                .containsExactly(Map.of("Ref", "InboundBucket"));
        assertThat(list(map(detail.get("object")).get("key")))
                .containsExactly(Map.of("prefix", "inbound/"));
        Map<String, Object> target = map(list(rule.get("Targets")).get(0));
        assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", "IngestStateMachine"));
    }

    @Test
    void everyFunctionIsBuiltByMakeAndLogsToAGroupWithRetention() {
        int functions = 0;
        for (var e : template.resources().entrySet()) {
            Map<String, Object> resource = map(e.getValue());
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                continue;
            }
            functions++;
            assertThat(map(resource.get("Metadata")).get("BuildMethod")).isEqualTo("makefile");
            assertThat(read("Makefile")).contains("build-" + e.getKey() + ":");
            Object group = map(template.properties(e.getKey()).get("LoggingConfig")).get("LogGroup");
            String groupId = String.valueOf(map(group).get("Ref"));
            assertThat(template.typeOf(groupId)).isEqualTo("AWS::Logs::LogGroup");
            assertThat(template.properties(groupId)).containsKey("RetentionInDays");
            String module = String.valueOf(template.properties(e.getKey()).get("CodeUri"));
            assertThat(ProjectRoot.resolve(module + "/pom.xml")).exists();
        }
        assertThat(functions).isEqualTo(5);
    }

    // ------------------------------------------------------------------ helpers

    private interface StateVisitor {
        void visit(String name, JsonNode state);
    }

    private static void forEachState(JsonNode machine, StateVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> it = machine.path("States").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            visitor.visit(e.getKey(), e.getValue());
            for (JsonNode branch : e.getValue().path("Branches")) {
                forEachState(branch, visitor);
            }
            if (e.getValue().has("ItemProcessor")) {
                forEachState(e.getValue().path("ItemProcessor"), visitor);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> strings(Object o) {
        if (o instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            l.forEach(x -> out.add(x instanceof String s ? s : String.valueOf(x)));
            return out;
        }
        return o instanceof String s ? List.of(s) : List.of();
    }

    private static String read(String relative) {
        try {
            return Files.readString(ProjectRoot.resolve(relative));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

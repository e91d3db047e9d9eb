package com.paysaga.asl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.internal.json.Json;
import com.paysaga.asl.internal.model.DefinitionParser;
import com.paysaga.asl.internal.model.Model;
import com.paysaga.asl.internal.run.ExecutionDriver;
import com.paysaga.asl.internal.run.ExecutionRun;
import com.paysaga.asl.internal.run.Scope;
import com.paysaga.asl.internal.run.Services;
import com.paysaga.asl.internal.run.TaskAttempt;
import com.paysaga.asl.map.ItemReader;
import com.paysaga.asl.map.S3ObjectReader;
import com.paysaga.asl.task.LambdaInvoker;
import com.paysaga.asl.task.TaskFailedException;
import com.paysaga.asl.task.TaskInvoker;

/**
 * An Amazon States Language interpreter (JSONPath query language) that follows the AWS Step
 * Functions developer guide. Typical use:
 *
 * <pre>{@code
 * AslEngine engine = AslEngine.builder()
 *         .lambdaInvoker((function, payload, ctx) -> runtime.invoke(function, payload, ctx))
 *         .invoker("arn:aws:states:::batch:submitJob.sync", batchRunner)
 *         .s3ObjectReader((bucket, key, version) -> s3.getObjectBytes(bucket, key))
 *         .build();
 * StateMachine sm = engine.load("PaySaga", definitionJson);     // throws InvalidDefinitionException
 * Execution ex = engine.start(sm, "run-1", input);
 * ExecutionResult result = ex.await();
 * ex.history().forEach(e -> System.out.println(e.toJson()));
 * }</pre>
 *
 * Thread-safe; executions run on virtual threads, Parallel branches and Map iterations too.
 */
public final class AslEngine {

    private final Services services;

    private AslEngine(Services services) {
        this.services = services;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Validates and compiles a definition under the name "StateMachine". */
    public StateMachine load(String definition) throws InvalidDefinitionException {
        return load("StateMachine", definition);
    }

    /** Validates and compiles a definition; the errors are those of ValidateStateMachineDefinition. */
    public StateMachine load(String name, String definition) throws InvalidDefinitionException {
        Model.Machine machine = DefinitionParser.parse(definition);
        String arn = "arn:aws:states:" + services.region() + ":" + services.accountId() + ":stateMachine:" + name;
        return new StateMachine(name, arn, definition, machine);
    }

    /** Starts an execution with a generated name. */
    public Execution start(StateMachine stateMachine, JsonNode input) {
        return start(stateMachine, UUID.randomUUID().toString(), input);
    }

    /**
     * StartExecution: returns at once; the execution runs on a virtual thread.
     *
     * @throws IllegalArgumentException for an input over the service's 256 KiB quota
     */
    public Execution start(StateMachine stateMachine, String executionName, JsonNode input) {
        String arn = "arn:aws:states:" + services.region() + ":" + services.accountId() + ":execution:"
                + stateMachine.name() + ":" + executionName;
        JsonNode own = input == null ? Json.object() : input.deepCopy();
        if (Json.compact(own).getBytes(StandardCharsets.UTF_8).length > 262_144) {
            // StartExecution refuses inputs over the 256 KiB payload quota.
            throw new IllegalArgumentException("InvalidExecutionInput: the execution input exceeds 262144 bytes");
        }
        ExecutionRun run = new ExecutionRun(services, stateMachine.machine(), arn, executionName, stateMachine.arn(),
                stateMachine.name(), own, new Scope());
        Thread.ofVirtual().name("asl-execution-" + executionName).start(() -> ExecutionDriver.drive(run));
        return new Execution(run);
    }

    /** SendTaskSuccess for a {@code .waitForTaskToken} task. */
    public void sendTaskSuccess(String taskToken, JsonNode output) {
        attempt(taskToken).answer(output == null ? NullNode.getInstance() : output.deepCopy(), null, null);
    }

    /** SendTaskFailure: the task fails with this error and cause (both optional, as on the service). */
    public void sendTaskFailure(String taskToken, String error, String cause) {
        attempt(taskToken).answer(null, error, cause);
    }

    /** SendTaskHeartbeat: resets the task's HeartbeatSeconds timer. */
    public void sendTaskHeartbeat(String taskToken) {
        attempt(taskToken).heartbeat();
    }

    private TaskAttempt attempt(String token) {
        TaskAttempt a = token == null ? null : services.tokens().get(token);
        if (a == null) {
            throw new TaskTokenException("TaskDoesNotExist", "no task is waiting for this token");
        }
        return a;
    }

    public static final class Builder {
        private AslClock clock = AslClock.system();
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private String roleArn = null;
        private final List<Services.Registration<TaskInvoker>> invokers = new ArrayList<>();
        private final List<Services.Registration<ItemReader>> itemReaders = new ArrayList<>();

        private Builder() {
        }

        public Builder clock(AslClock clock) {
            this.clock = clock;
            return this;
        }

        /** Wait states and Retry intervals return at once (for tests and {@code --no-wait}). */
        public Builder skipWaits() {
            return clock(AslClock.skippingWaits());
        }

        /** The region and account used in ARNs and in TaskScheduled events. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** The execution role reported in ExecutionStarted and {@code $$.Execution.RoleArn}. */
        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        /**
         * Registers an invoker for Task resources matching {@code resourceGlob} ({@code *} matches
         * any text), e.g. {@code arn:aws:states:::dynamodb:*} or
         * {@code arn:aws:states:::batch:submitJob.sync}. A {@code .waitForTaskToken} resource is
         * matched without that suffix. The first matching registration wins.
         */
        public Builder invoker(String resourceGlob, TaskInvoker invoker) {
            invokers.add(Services.Registration.of(resourceGlob, invoker));
            return this;
        }

        /**
         * Registers {@code lambda} for direct Lambda ARNs ({@code arn:aws:lambda:*}) and for the
         * optimized integration {@code arn:aws:states:::lambda:invoke}, whose result it wraps as
         * the service does.
         */
        public Builder lambdaInvoker(LambdaInvoker lambda) {
            invoker("arn:aws:lambda:*", (resource, parameters, ctx) -> lambda.invoke(resource.arn(), parameters, ctx));
            invoker("arn:aws:states:::lambda:invoke", (resource, parameters, ctx) -> {
                JsonNode function = parameters.get("FunctionName");
                if (function == null || !function.isTextual()) {
                    throw new TaskFailedException("Lambda.InvalidParameterValueException",
                            "The field 'FunctionName' is required for arn:aws:states:::lambda:invoke");
                }
                JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : Json.object();
                JsonNode response = lambda.invoke(function.textValue(), payload, ctx);
                return optimizedLambdaResult(response);
            });
            return this;
        }

        /** Registers an ItemReader for a Distributed Map's {@code ItemReader.Resource} glob. */
        public Builder itemReader(String resourceGlob, ItemReader reader) {
            itemReaders.add(Services.Registration.of(resourceGlob, reader));
            return this;
        }

        /**
         * Reads Distributed Map items from S3 ({@code arn:aws:states:::s3:getObject} with
         * {@code Parameters: {Bucket, Key[, VersionId]}}): {@code ReaderConfig.InputType} JSON (a
         * JSON array, the default) or JSONL (one JSON value per line).
         */
        public Builder s3ObjectReader(S3ObjectReader s3) {
            return itemReader("arn:aws:states:::s3:getObject", (resource, parameters, config) -> {
                String bucket = parameters.path("Bucket").asText(null);
                String key = parameters.path("Key").asText(null);
                if (bucket == null || key == null) {
                    throw new TaskFailedException("S3.InvalidRequest", "ItemReader Parameters need Bucket and Key");
                }
                String type = config.path("InputType").asText("JSON");
                byte[] bytes;
                try {
                    bytes = s3.getObject(bucket, key, parameters.path("VersionId").asText(null));
                } catch (IOException e) {
                    throw new TaskFailedException("S3.GetObjectFailed", "s3://" + bucket + "/" + key + ": " + e.getMessage());
                }
                return parseItems(type, new String(bytes, StandardCharsets.UTF_8), "s3://" + bucket + "/" + key);
            });
        }

        public AslEngine build() {
            return new AslEngine(new Services(clock, region, accountId,
                    roleArn != null ? roleArn : "arn:aws:iam::" + accountId + ":role/StatesExecutionRole", invokers,
                    itemReaders));
        }
    }

    /** The optimized Lambda integration's result: the invoke response, with the function's answer under Payload. */
    static JsonNode optimizedLambdaResult(JsonNode payload) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode result = Json.object();
        result.put("ExecutedVersion", "$LATEST");
        result.set("Payload", payload == null ? NullNode.getInstance() : payload);
        ObjectNode http = result.putObject("SdkHttpMetadata");
        ObjectNode headers = http.putObject("HttpHeaders");
        headers.put("Content-Type", "application/json");
        headers.put("X-Amz-Executed-Version", "$LATEST");
        headers.put("x-amzn-RequestId", requestId);
        http.put("HttpStatusCode", 200);
        result.putObject("SdkResponseMetadata").put("RequestId", requestId);
        result.put("StatusCode", 200);
        return result;
    }

    static List<JsonNode> parseItems(String inputType, String text, String source) throws TaskFailedException {
        List<JsonNode> items = new ArrayList<>();
        try {
            switch (inputType) {
                case "JSON" -> {
                    JsonNode array = Json.parse(text);
                    if (array == null || !array.isArray()) {
                        throw new TaskFailedException("States.ItemReaderFailed", source + " does not hold a JSON array");
                    }
                    array.forEach(items::add);
                }
                case "JSONL" -> {
                    for (String line : text.split("\r?\n")) {
                        if (!line.isBlank()) {
                            items.add(Json.parse(line));
                        }
                    }
                }
                default -> throw new TaskFailedException("States.ItemReaderFailed",
                        "InputType " + inputType + " is not supported by this engine (JSON and JSONL are)");
            }
        } catch (JsonProcessingException e) {
            throw new TaskFailedException("States.ItemReaderFailed", source + " is not valid " + inputType + ": "
                    + e.getOriginalMessage());
        }
        return items;
    }
}

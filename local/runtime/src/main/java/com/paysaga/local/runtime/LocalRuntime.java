package com.paysaga.local.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import com.paysaga.asl.AslEngine;
import com.paysaga.asl.ExecutionResult;
import com.paysaga.asl.InvalidDefinitionException;
import com.paysaga.asl.StateMachine;
import com.paysaga.local.batch.JobDefinition;
import com.paysaga.local.batch.LocalBatch;
import com.paysaga.local.events.EventPattern;
import com.paysaga.local.events.S3ObjectCreatedEvent;
import com.paysaga.local.lambda.FunctionSpec;
import com.paysaga.local.lambda.LocalLambdaFunction;
import com.paysaga.saga.aws.AwsClients;
import com.paysaga.provision.CfnTemplate;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.provision.TemplateProvisioner;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The whole application on one machine, read from {@code template.yaml}: the emulator holds the
 * storage (provisioned from the template), the functions run as warm child processes behind the
 * Lambda Runtime API, the Batch job as child processes of the job's image, the state machines
 * on the local ASL engine, and the EventBridge rules turn uploads into executions. Nothing here
 * is configured twice: names, environments, memory sizes, timeouts, retry strategies and event
 * patterns all come from the template (DESIGN.md §5).
 */
public final class LocalRuntime implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalRuntime.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    /** The name of the Batch job's fault proxy. */
    public static final String BATCH_JOB = "BatchJob";

    /**
     * @param root              the checkout (template.yaml, state-machine.asl.json, built artifacts)
     * @param stackName         resource names are derived from it, as on AWS
     * @param emulator          the AWS endpoint holding S3, DynamoDB, KMS, SNS
     * @param stateDir          extracted functions, logs and execution records
     * @param lambdaConcurrency warm processes allowed per function
     * @param parameters        template parameter overrides ({@code Packaging=jvm} is the default here)
     * @param jobJit            how the Batch jobs' JVMs compile
     */
    public record Options(Path root, String stackName, URI emulator, String region, Path stateDir,
            int lambdaConcurrency, boolean skipWaits, Map<String, String> parameters, JobJit jobJit) {

        public Options(Path root, String stackName, URI emulator, String region, Path stateDir,
                int lambdaConcurrency, boolean skipWaits, Map<String, String> parameters) {
            this(root, stackName, emulator, region, stateDir, lambdaConcurrency, skipWaits, parameters, JobJit.QUICK_START);
        }
    }

    /**
     * The JIT of the JVM each Batch job runs in. Every job is a fresh JVM; on files of a few
     * hundred records (the demo, the tests) much of its CPU went to C2 compiling code that ran
     * only briefly, while the jobs of twenty files share two cores with the emulator. On AWS the
     * job runs as a native image (no JIT at all) or in a container of its own, so neither choice
     * changes what is imitated; only throughput on large files tells them apart.
     */
    public enum JobJit {
        /** C1 only ({@code -XX:TieredStopAtLevel=1}): about a third less CPU per small job. */
        QUICK_START,
        /** Tiered C1 + C2, for large files (the throughput benchmark). */
        FULL
    }

    /** An EventBridge rule the runtime evaluates. */
    record Rule(String logicalId, EventPattern pattern, List<JsonNode> targets) {
    }

    private final Options options;
    private final AwsClients clients;
    private final ProvisionedStack stack;
    private final LocalBatch batch;
    private final LocalAwsApiServer api;
    private final Map<String, LocalLambdaFunction> functions = new LinkedHashMap<>();
    private final LocalStepFunctions stepFunctions;
    private final Map<String, StateMachine> machinesByLogicalId = new LinkedHashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final S3Client s3;
    private final SnsClient sns;
    private final DynamoDbIntegration dynamo;
    private final Map<String, FaultProxy> proxies = new LinkedHashMap<>();

    private LocalRuntime(Options options) throws IOException {
        this.options = options;
        this.clients = AwsClients.forEmulator(options.emulator(), options.region());
        Map<String, String> parameters = new HashMap<>();
        CfnTemplate template = CfnTemplate.load(options.root().resolve("template.yaml"));
        if (template.section("Parameters").containsKey("Packaging")) {
            parameters.put("Packaging", "jvm");
        }
        parameters.putAll(options.parameters());
        this.stack = new TemplateProvisioner(clients).provision(template, options.stackName(), parameters);
        this.s3 = clients.s3();
        this.sns = clients.sns();
        Path logs = options.stateDir().resolve("logs");
        Map<String, String> emulatorEnv = emulatorEnvironment(proxy(BATCH_JOB));
        Path jobJar = options.root().resolve("batch-container/target/quarkus-app/quarkus-run.jar");
        // An AOT cache is valid only for the JVM options it was recorded with: one per JIT choice.
        Path aot = options.stateDir().resolve("aot").resolve("batch-container-"
                + (Files.exists(jobJar) ? Files.getLastModifiedTime(jobJar).toMillis() : 0) + "-"
                + options.jobJit().name().toLowerCase(java.util.Locale.ROOT) + ".aot");
        Files.createDirectories(aot.getParent());
        List<String> jobJvm = new ArrayList<>(List.of(javaBinary(), "-XX:+UseSerialGC"));
        if (options.jobJit() == JobJit.QUICK_START) {
            jobJvm.add("-XX:TieredStopAtLevel=1");
        }
        jobJvm.addAll(List.of("-jar", jobJar.toString()));
        this.batch = new LocalBatch(new LocalBatch.Image(jobJvm,
                options.stateDir(), emulatorEnv, logs.resolve("batch"), Optional.of(aot)), options.region(),
                TemplateProvisioner.DEFAULT_ACCOUNT_ID);
        LocalStepFunctions[] late = new LocalStepFunctions[1];
        this.api = new LocalAwsApiServer(() -> late[0], batch);
        for (String id : resourcesOfType(template, "AWS::Serverless::Function", "AWS::Lambda::Function")) {
            LocalLambdaFunction fn = new LocalLambdaFunction(functionSpec(template, id, logs));
            functions.put(fn.spec().name(), fn);
            functions.put(fn.spec().arn(), fn);
        }
        Map<String, JobDefinition> jobDefinitions = new HashMap<>();
        for (String id : resourcesOfType(template, "AWS::Batch::JobDefinition")) {
            JobDefinition d = jobDefinition(id);
            jobDefinitions.put(d.arn(), d);
            jobDefinitions.put(d.name(), d);
        }
        this.dynamo = new DynamoDbIntegration(options.emulator(), options.region());
        AslEngine.Builder engine = AslEngine.builder().region(options.region())
                .accountId(TemplateProvisioner.DEFAULT_ACCOUNT_ID)
                .lambdaInvoker(new LambdaIntegration(functions))
                .invoker("arn:aws:states:::batch:*", new BatchIntegration(batch, jobDefinitions))
                .invoker("arn:aws:states:::dynamodb:*", dynamo)
                .invoker("arn:aws:states:::sns:*", new SnsIntegration(sns))
                .s3ObjectReader((bucket, key, version) -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)
                        .versionId(version)).asByteArray());
        if (options.skipWaits()) {
            engine.skipWaits();
        }
        AslEngine built = engine.build();
        this.stepFunctions = new LocalStepFunctions(built);
        late[0] = stepFunctions;
        for (String id : resourcesOfType(template, "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine")) {
            StateMachine machine = loadStateMachine(built, template, id);
            stepFunctions.register(machine);
            machinesByLogicalId.put(id, machine);
        }
        for (String id : resourcesOfType(template, "AWS::Events::Rule")) {
            Map<String, Object> props = resolved(id);
            if ("DISABLED".equals(props.get("State")) || props.get("EventPattern") == null) {
                continue;
            }
            List<JsonNode> targets = new ArrayList<>();
            for (Object t : (List<?>) props.getOrDefault("Targets", List.of())) {
                targets.add(JSON.valueToTree(t));
            }
            rules.add(new Rule(id, EventPattern.of(JSON.valueToTree(props.get("EventPattern"))), targets));
        }
    }

    public static LocalRuntime start(Options options) throws IOException {
        return new LocalRuntime(options);
    }

    public ProvisionedStack stack() {
        return stack;
    }

    public AwsClients clients() {
        return clients;
    }

    public LocalStepFunctions stepFunctions() {
        return stepFunctions;
    }

    public LocalBatch batch() {
        return batch;
    }

    public Map<String, LocalLambdaFunction> functions() {
        return Map.copyOf(functions);
    }

    public LocalLambdaFunction function(String logicalId) {
        return functions.get(stack.ref(logicalId));
    }

    public StateMachine stateMachine(String logicalId) {
        StateMachine m = machinesByLogicalId.get(logicalId);
        if (m == null) {
            throw new IllegalArgumentException("no state machine " + logicalId + " in the template");
        }
        return m;
    }

    /** Restarts every function's warm processes (e.g. after partner configuration changed). */
    public void recycleFunctions() {
        functions.values().stream().distinct().forEach(LocalLambdaFunction::recycle);
    }

    /** Where the processes' logs go (functions/, batch/): the local CloudWatch Logs. */
    public Path logDir() {
        return options.stateDir().resolve("logs");
    }

    /**
     * Uploads {@code content} as S3 would receive it and delivers the "Object Created" event
     * to the matching rules, which start executions; returns them.
     */
    public List<LocalStepFunctions.Started> upload(String bucket, String key, byte[] content) {
        return upload(bucket, key, content, Map.of());
    }

    /** As {@link #upload(String, String, byte[])}, with user metadata (e.g. a KMS envelope's). */
    public List<LocalStepFunctions.Started> upload(String bucket, String key, byte[] content, Map<String, String> metadata) {
        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key(key).metadata(metadata), RequestBody.fromBytes(content));
        return publishObjectCreated(bucket, key, content.length, put.eTag(), put.versionId());
    }

    /** The "Object Created" event of an object already in the bucket, delivered to the rules. */
    public List<LocalStepFunctions.Started> publishObjectCreated(String bucket, String key, long size, String eTag,
            String versionId) {
        String sequencer = Long.toHexString(System.nanoTime()).toUpperCase();
        ObjectNode event = S3ObjectCreatedEvent.of(JSON, TemplateProvisioner.DEFAULT_ACCOUNT_ID, options.region(), bucket,
                key, size, eTag == null ? "" : eTag.replace("\"", ""), versionId, sequencer, Instant.now());
        return publish(event);
    }

    /** EventBridge: every enabled rule whose pattern matches starts its state machine targets. */
    public List<LocalStepFunctions.Started> publish(JsonNode event) {
        List<LocalStepFunctions.Started> started = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.pattern().matches(event)) {
                continue;
            }
            for (JsonNode target : rule.targets()) {
                String arn = target.path("Arn").asText();
                if (!arn.contains(":stateMachine:")) {
                    LOG.warning(() -> "rule " + rule.logicalId() + ": target " + arn + " is not a state machine; not run locally");
                    continue;
                }
                started.add(stepFunctions.start(arn, UUID.randomUUID().toString(), targetInput(target, event)));
            }
        }
        return started;
    }

    /** A target's input as EventBridge builds it: Input, InputPath, InputTransformer, or the event. */
    static JsonNode targetInput(JsonNode target, JsonNode event) {
        try {
            if (target.hasNonNull("Input")) {
                return JSON.readTree(target.get("Input").asText());
            }
            String eventText = event.toString();
            if (target.hasNonNull("InputPath")) {
                Object v = JsonPath.read(eventText, target.get("InputPath").asText());
                return JSON.valueToTree(v);
            }
            JsonNode transformer = target.path("InputTransformer");
            if (!transformer.isMissingNode()) {
                String template = transformer.path("InputTemplate").asText();
                var it = transformer.path("InputPathsMap").fields();
                while (it.hasNext()) {
                    var e = it.next();
                    Object v;
                    try {
                        v = JsonPath.read(eventText, e.getValue().asText());
                    } catch (com.jayway.jsonpath.PathNotFoundException missing) {
                        v = null;
                    }
                    String replacement = v instanceof String s ? s : JSON.writeValueAsString(v);
                    template = template.replace("<" + e.getKey() + ">", replacement);
                }
                template = template.replace("<aws.events.event>", eventText);
                return JSON.readTree(template);
            }
            return event;
        } catch (IOException e) {
            throw new IllegalArgumentException("target input is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Waits for an execution to end and keeps its record for {@code paysaga history}. */
    public ExecutionResult await(LocalStepFunctions.Started started, Duration timeout) throws InterruptedException {
        Optional<ExecutionResult> r = started.execution().await(timeout);
        if (r.isEmpty()) {
            throw new IllegalStateException("execution " + started.execution().name() + " still running after " + timeout);
        }
        ExecutionRecords.write(options.stateDir(), started, r.get());
        return r.get();
    }

    // ------------------------------------------------------------------ template → local processes

    /** The fault proxy in front of the emulator for one function (by logical id) or {@link #BATCH_JOB}. */
    public FaultProxy faults(String logicalIdOrBatchJob) {
        FaultProxy p = proxies.get(logicalIdOrBatchJob);
        if (p == null) {
            throw new IllegalArgumentException("no process group " + logicalIdOrBatchJob + "; known: " + proxies.keySet());
        }
        return p;
    }

    private FaultProxy proxy(String name) throws IOException {
        FaultProxy p = new FaultProxy(name, options.emulator());
        proxies.put(name, p);
        return p;
    }

    private Map<String, String> emulatorEnvironment(FaultProxy via) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("AWS_ENDPOINT_URL", via.endpoint().toString());
        env.put("AWS_REGION", options.region());
        env.put("AWS_DEFAULT_REGION", options.region());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
        env.put("AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
        return env;
    }

    private FunctionSpec functionSpec(CfnTemplate template, String id, Path logs) throws IOException {
        Map<String, Object> props = resolved(id);
        Map<String, Object> globals = asMap(stack.resolve(template.section("Globals").get("Function")));
        String name = stack.ref(id);
        String arn = stack.attribute(id, "Arn");
        int memory = Integer.parseInt(String.valueOf(props.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128))));
        int timeout = Integer.parseInt(String.valueOf(props.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3))));
        String handler = String.valueOf(props.getOrDefault("Handler", globals.getOrDefault("Handler", "")));
        String codeUri = String.valueOf(props.getOrDefault("CodeUri", globals.getOrDefault("CodeUri", "")));
        Path zip = options.root().resolve(codeUri).resolve("target/function.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IOException("function " + id + " is not built: " + zip + " is missing (./mvnw package)");
        }
        Path dir = extract(zip, options.stateDir().resolve("functions").resolve(id));
        Map<String, String> env = new LinkedHashMap<>(emulatorEnvironment(proxy(id)));
        // The emulator has no Step Functions or Batch of ours: the replay function reaches them here.
        env.put("SFN_ENDPOINT_URL", api.endpoint().toString());
        env.put("BATCH_ENDPOINT_URL", api.endpoint().toString());
        env.putAll(stack.functionEnvironment(id));
        List<String> command;
        if (Files.isExecutable(dir.resolve("bootstrap"))) {
            command = List.of(dir.resolve("bootstrap").toString());
        } else {
            String ric = options.root().resolve("local/runtime/target/ric").toString();
            command = List.of(javaBinary(), "-Xmx" + Math.max(64, memory * 3 / 4) + "m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-cp", dir + ":" + dir + "/lib/*:" + ric + "/*",
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler);
        }
        int concurrency = props.containsKey("ReservedConcurrentExecutions")
                ? Math.min(options.lambdaConcurrency(), Integer.parseInt(String.valueOf(props.get("ReservedConcurrentExecutions"))))
                : options.lambdaConcurrency();
        return new FunctionSpec(name, arn, command, dir, env, memory, Duration.ofSeconds(timeout), Math.max(1, concurrency),
                logs.resolve("functions").resolve(id + ".log"));
    }

    private JobDefinition jobDefinition(String id) {
        Map<String, Object> props = resolved(id);
        Map<String, Object> container = asMap(props.get("ContainerProperties"));
        List<String> command = new ArrayList<>();
        for (Object c : (List<?>) container.getOrDefault("Command", List.of())) {
            command.add(String.valueOf(c));
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (Object e : (List<?>) container.getOrDefault("Environment", List.of())) {
            Map<String, Object> m = asMap(e);
            env.put(String.valueOf(m.get("Name")), String.valueOf(m.get("Value")));
        }
        int memory = 2048;
        for (Object r : (List<?>) container.getOrDefault("ResourceRequirements", List.of())) {
            Map<String, Object> m = asMap(r);
            if ("MEMORY".equals(m.get("Type"))) {
                memory = Integer.parseInt(String.valueOf(m.get("Value")));
            }
        }
        Map<String, Object> retry = asMap(props.get("RetryStrategy"));
        List<JobDefinition.ExitRule> rules = new ArrayList<>();
        for (Object r : (List<?>) retry.getOrDefault("EvaluateOnExit", List.of())) {
            Map<String, Object> m = asMap(r);
            rules.add(new JobDefinition.ExitRule(opt(m.get("OnExitCode")), opt(m.get("OnStatusReason")),
                    opt(m.get("OnReason")), JobDefinition.ExitRule.Action.valueOf(String.valueOf(m.get("Action")).toUpperCase())));
        }
        Object attempt = asMap(props.get("Timeout")).get("AttemptDurationSeconds");
        String arn = stack.ref(id);
        String name = String.valueOf(props.getOrDefault("JobDefinitionName", arn.substring(arn.lastIndexOf('/') + 1)));
        return new JobDefinition(arn, name, command, env, memory,
                Integer.parseInt(String.valueOf(retry.getOrDefault("Attempts", 1))), rules,
                attempt == null ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(String.valueOf(attempt)))));
    }

    private StateMachine loadStateMachine(AslEngine engine, CfnTemplate template, String id) throws IOException {
        Map<String, Object> props = resolved(id);
        String definition;
        if (props.containsKey("DefinitionUri")) {
            definition = Files.readString(options.root().resolve(String.valueOf(props.get("DefinitionUri"))));
        } else if (props.containsKey("DefinitionString")) {
            definition = String.valueOf(props.get("DefinitionString"));
        } else {
            definition = JSON.writeValueAsString(props.get("Definition"));
        }
        Map<String, Object> substitutions = asMap(props.get("DefinitionSubstitutions"));
        Matcher m = SUBSTITUTION.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = substitutions.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("state machine " + id + ": ${" + m.group(1)
                        + "} has no DefinitionSubstitutions entry");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(v)));
        }
        m.appendTail(out);
        String name = stack.resource(id).attributes().getOrDefault("Name", stack.ref(id));
        try {
            StateMachine machine = engine.load(name, out.toString());
            if (!machine.arn().equals(stack.ref(id))) {
                throw new IllegalStateException("state machine ARN mismatch: " + machine.arn() + " vs " + stack.ref(id));
            }
            return machine;
        } catch (InvalidDefinitionException e) {
            throw new IllegalStateException("state machine " + id + " is invalid: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> resolved(String logicalId) {
        return asMap(stack.resolve(stack.template().properties(logicalId)));
    }

    private static List<String> resourcesOfType(CfnTemplate template, String... types) {
        List<String> out = new ArrayList<>();
        for (var e : template.resources().entrySet()) {
            Object type = asMap(e.getValue()).get("Type");
            for (String t : types) {
                if (t.equals(type)) {
                    out.add(e.getKey());
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Optional<String> opt(Object o) {
        return o == null ? Optional.empty() : Optional.of(String.valueOf(o));
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Unzips once per artifact build, as Lambda does on deployment; a newer zip replaces it. */
    private static Path extract(Path zip, Path dir) throws IOException {
        Path stamp = dir.resolve(".extracted-from");
        String marker = zip + "@" + Files.getLastModifiedTime(zip).toMillis();
        if (Files.exists(stamp) && Files.readString(stamp).equals(marker)) {
            return dir;
        }
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("zip entry escapes the target directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (e.getName().equals("bootstrap")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        Files.writeString(stamp, marker, StandardCharsets.UTF_8);
        return dir;
    }

    @Override
    public void close() {
        functions.values().stream().distinct().forEach(LocalLambdaFunction::close);
        batch.close();
        api.close();
        proxies.values().forEach(FaultProxy::close);
        dynamo.close();
        s3.close();
        sns.close();
    }
}

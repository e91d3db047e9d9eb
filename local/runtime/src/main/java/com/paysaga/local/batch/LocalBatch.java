package com.paysaga.local.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * AWS Batch on one machine: a job runs the batch-container artifact as a child process with
 * the job definition's command and environment, overridden by the submission's
 * {@code ContainerOverrides}. Exit codes and the definition's {@code RetryStrategy} decide the
 * outcome as AWS Batch does: the first matching {@code EvaluateOnExit} rule says RETRY or EXIT;
 * when none matches, the job is retried while attempts remain. The result is the job as
 * {@code DescribeJobs} reports it, in the capitalised form Step Functions' {@code .sync}
 * integration returns.
 */
public final class LocalBatch implements AutoCloseable {

    /**
     * The entry point of the job image: what the container runs before the job's Command
     * (for the Quarkus JVM image, {@code java -jar quarkus-run.jar}).
     */
    public record Image(List<String> entryPoint, Path workingDir, Map<String, String> baseEnvironment, Path logDir,
            Optional<Path> aotCache) {

        public Image(List<String> entryPoint, Path workingDir, Map<String, String> baseEnvironment, Path logDir) {
            this(entryPoint, workingDir, baseEnvironment, logDir, Optional.empty());
        }
    }

    /** A submission ({@code SubmitJob} parameters). */
    public record Submission(String jobName, String jobQueue, JobDefinition definition,
            Optional<List<String>> commandOverride, Map<String, String> environmentOverride,
            Optional<Integer> arrayIndex) {
    }

    /** A finished job: its DescribeJobs document and whether it SUCCEEDED. */
    public record JobResult(ObjectNode job, boolean succeeded) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Image image;
    private final String region;
    private final String account;
    /** The compute environment's capacity: jobs beyond it wait RUNNABLE, as on AWS Batch. */
    private final java.util.concurrent.Semaphore slots;
    private final Map<String, Process> running = new ConcurrentHashMap<>();
    private final Map<String, String> terminationReasons = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> jobs = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean aotTraining = new java.util.concurrent.atomic.AtomicBoolean();

    public LocalBatch(Image image, String region, String account) {
        this(image, region, account, Runtime.getRuntime().availableProcessors());
    }

    /** @param maxConcurrentJobs attempts that may run at once; more wait their turn (status RUNNABLE) */
    public LocalBatch(Image image, String region, String account, int maxConcurrentJobs) {
        this.image = image;
        this.region = region;
        this.account = account;
        this.slots = new java.util.concurrent.Semaphore(Math.max(1, maxConcurrentJobs), true);
    }

    /** Runs the job to completion, retries included (the {@code .sync} integration pattern). */
    public JobResult run(Submission s, java.util.function.Consumer<ObjectNode> onSubmitted) throws InterruptedException {
        String jobId = UUID.randomUUID().toString();
        Instant created = Instant.now();
        List<String> command = s.commandOverride().orElse(s.definition().command());
        Map<String, String> env = new LinkedHashMap<>(s.definition().environment());
        env.putAll(s.environmentOverride());
        ObjectNode job = describe(s, jobId, command, env, created);
        onSubmitted.accept(job.deepCopy());
        job.put("Status", "RUNNABLE");
        // Snapshots only: the document below keeps changing on this thread while others read.
        jobs.put(jobId, job.deepCopy());
        ArrayNode attempts = job.putArray("Attempts");
        String finalStatus = "FAILED";
        String statusReason = null;
        Integer exitCode = null;
        try {
            for (int attempt = 1; attempt <= s.definition().attempts(); attempt++) {
                Instant started = Instant.now();
                Path log = image.logDir().resolve(s.jobName() + "-" + jobId.substring(0, 8) + "-attempt" + attempt + ".log");
                Map<String, String> processEnv = new LinkedHashMap<>(image.baseEnvironment());
                processEnv.putAll(env);
                processEnv.put("AWS_BATCH_JOB_ID", jobId);
                processEnv.put("AWS_BATCH_JOB_ATTEMPT", Integer.toString(attempt));
                processEnv.put("AWS_BATCH_JQ_NAME", s.jobQueue());
                processEnv.put("AWS_BATCH_CE_NAME", "local");
                s.arrayIndex().ifPresent(i -> processEnv.put("AWS_BATCH_JOB_ARRAY_INDEX", Integer.toString(i)));
                Attempt outcome;
                slots.acquire();
                try {
                    if (terminationReasons.containsKey(jobId)) {
                        statusReason = terminationReasons.get(jobId);
                        break;
                    }
                    job.put("Status", "RUNNING");
                    jobs.put(jobId, job.deepCopy());
                    outcome = runOnce(jobId, command, processEnv, log, s.definition());
                } finally {
                    slots.release();
                }
                exitCode = outcome.exitCode();
                statusReason = outcome.statusReason();
                ObjectNode a = attempts.addObject();
                ObjectNode container = a.putObject("Container");
                if (outcome.exitCode() != null) {
                    container.put("ExitCode", outcome.exitCode());
                }
                container.put("LogStreamName", log.getFileName().toString());
                a.put("StartedAt", started.toEpochMilli());
                a.put("StoppedAt", Instant.now().toEpochMilli());
                a.put("StatusReason", outcome.statusReason());
                if (outcome.exitCode() != null && outcome.exitCode() == 0) {
                    finalStatus = "SUCCEEDED";
                    break;
                }
                if (terminationReasons.containsKey(jobId)) {
                    statusReason = terminationReasons.get(jobId);
                    break;
                }
                if (!shouldRetry(s.definition(), outcome)) {
                    break;
                }
            }
        } finally {
            running.remove(jobId);
            terminationReasons.remove(jobId);
        }
        job.put("Status", finalStatus);
        if (statusReason != null) {
            job.put("StatusReason", statusReason);
        }
        ObjectNode container = (ObjectNode) job.get("Container");
        if (exitCode != null) {
            container.put("ExitCode", exitCode);
        }
        job.put("StoppedAt", Instant.now().toEpochMilli());
        jobs.put(jobId, job.deepCopy());
        return new JobResult(job, finalStatus.equals("SUCCEEDED"));
    }

    /** {@code TerminateJob}: kills the running attempt; the job ends FAILED with {@code reason}. */
    public boolean terminate(String jobId, String reason) {
        ObjectNode job = jobs.get(jobId);
        if (job == null || job.path("Status").asText().matches("SUCCEEDED|FAILED")) {
            return false;
        }
        terminationReasons.put(jobId, reason);
        Process p = running.get(jobId);
        if (p != null) {
            p.destroyForcibly();
        }
        return true;
    }

    /** Every job this runner has seen, as DescribeJobs documents (a snapshot). */
    public List<ObjectNode> jobs() {
        return jobs.values().stream().map(ObjectNode::deepCopy).toList();
    }

    public Optional<ObjectNode> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId)).map(ObjectNode::deepCopy);
    }

    /** The process of a job's running attempt (what an operator would see in the container's task). */
    public Optional<ProcessHandle> processOf(String jobId) {
        return Optional.ofNullable(running.get(jobId)).map(Process::toHandle);
    }

    public List<String> runningJobIds() {
        return new ArrayList<>(running.keySet());
    }

    private record Attempt(Integer exitCode, String statusReason, String reason) {
    }

    private Attempt runOnce(String jobId, List<String> command, Map<String, String> env, Path log, JobDefinition def)
            throws InterruptedException {
        List<String> argv = new ArrayList<>(image.entryPoint());
        Optional<Path> training = Optional.empty();
        if (def.memoryMb() > 0 && argv.size() > 0 && argv.get(0).endsWith("java")) {
            // Like the container's memory limit, with headroom for metaspace and buffers.
            argv.add(1, "-Xmx" + Math.max(64, def.memoryMb() * 3 / 4) + "m");
            training = aot(argv);
        }
        argv.addAll(command);
        Process p;
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(argv).directory(image.workingDir().toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().clear();
            pb.environment().putAll(env);
            p = pb.start();
        } catch (IOException e) {
            return new Attempt(null, "CannotStartContainerError: " + e.getMessage(), "CannotStartContainerError");
        }
        running.put(jobId, p);
        // A TerminateJob that came after this attempt was marked RUNNING but before its process was
        // registered found nothing to kill; it must not leave the process running unwatched.
        if (terminationReasons.containsKey(jobId)) {
            p.destroyForcibly();
        }
        Optional<Duration> timeout = def.attemptTimeout();
        boolean finished;
        try {
            finished = timeout.isPresent() ? p.waitFor(timeout.get().toMillis(), TimeUnit.MILLISECONDS) : waitFor(p);
        } catch (InterruptedException e) {
            // The .sync task was aborted (a failed Parallel sibling, a stopped execution): Step
            // Functions terminates the job. An orphaned attempt would go on writing checkpoints for
            // a run whose failure is already recorded.
            p.destroyForcibly();
            throw e;
        }
        if (!finished) {
            p.destroyForcibly();
            p.waitFor();
            return new Attempt(null, "Job attempt duration exceeded timeout", "Job attempt duration exceeded timeout");
        }
        training.ifPresent(this::commitAot);
        int code = p.exitValue();
        String reason = code == 0 ? "Essential container in task exited" : "Essential container in task exited";
        return new Attempt(code, reason, reason);
    }

    /**
     * Every job is a fresh JVM, so class loading and linking dominate small jobs. A JDK AOT cache
     * (JEP 483/514) takes about a third off each start: the first job records one, later jobs map
     * it. Only one job trains at a time, into a file of its own, committed when it ends.
     */
    private Optional<Path> aot(List<String> argv) {
        if (image.aotCache().isEmpty()) {
            return Optional.empty();
        }
        Path cache = image.aotCache().get();
        if (Files.isRegularFile(cache)) {
            argv.add(1, "-XX:AOTCache=" + cache);
            return Optional.empty();
        }
        if (!aotTraining.compareAndSet(false, true)) {
            return Optional.empty();
        }
        Path output = cache.resolveSibling(cache.getFileName() + ".training-" + UUID.randomUUID());
        argv.add(1, "-XX:AOTCacheOutput=" + output);
        return Optional.of(output);
    }

    private void commitAot(Path output) {
        try {
            if (Files.isRegularFile(output) && Files.size(output) > 0) {
                Files.move(output, image.aotCache().orElseThrow(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // Only speed is lost: the next job trains again.
        } finally {
            aotTraining.set(false);
        }
    }

    private static boolean waitFor(Process p) throws InterruptedException {
        p.waitFor();
        return true;
    }

    private static boolean shouldRetry(JobDefinition def, Attempt a) {
        for (JobDefinition.ExitRule rule : def.evaluateOnExit()) {
            if (rule.matches(a.exitCode() == null ? -1 : a.exitCode(), a.statusReason(), a.reason())) {
                return rule.action() == JobDefinition.ExitRule.Action.RETRY;
            }
        }
        // AWS Batch: with EvaluateOnExit given but no entry matching, the job is retried.
        return true;
    }

    private ObjectNode describe(Submission s, String jobId, List<String> command, Map<String, String> env, Instant created) {
        ObjectNode job = JSON.createObjectNode();
        job.put("JobArn", "arn:aws:batch:" + region + ":" + account + ":job/" + jobId);
        job.put("JobId", jobId);
        job.put("JobName", s.jobName());
        job.put("JobQueue", s.jobQueue());
        job.put("JobDefinition", s.definition().arn());
        job.put("Status", "SUBMITTED");
        job.put("CreatedAt", created.toEpochMilli());
        job.put("StartedAt", Instant.now().toEpochMilli());
        ObjectNode container = job.putObject("Container");
        ArrayNode cmd = container.putArray("Command");
        command.forEach(cmd::add);
        ArrayNode envNode = container.putArray("Environment");
        env.forEach((k, v) -> envNode.addObject().put("Name", k).put("Value", v));
        container.put("Memory", s.definition().memoryMb());
        ObjectNode retry = job.putObject("RetryStrategy");
        retry.put("Attempts", s.definition().attempts());
        s.arrayIndex().ifPresent(i -> job.putObject("ArrayProperties").put("Index", i));
        return job;
    }

    @Override
    public void close() {
        running.forEach((id, p) -> terminate(id, "runtime shut down"));
    }
}

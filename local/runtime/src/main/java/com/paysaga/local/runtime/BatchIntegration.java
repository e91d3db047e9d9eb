package com.paysaga.local.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.task.ResourceArn;
import com.paysaga.asl.task.TaskContext;
import com.paysaga.asl.task.TaskFailedException;
import com.paysaga.asl.task.TaskInvoker;
import com.paysaga.local.batch.JobDefinition;
import com.paysaga.local.batch.LocalBatch;

/**
 * {@code arn:aws:states:::batch:submitJob.sync}: runs the job on the local Batch runner and
 * returns its DescribeJobs document; a failed job is {@code States.TaskFailed} with that document
 * as the cause, as the service reports it. Stopping the execution terminates the job.
 */
final class BatchIntegration implements TaskInvoker {

    private final LocalBatch batch;
    private final Map<String, JobDefinition> definitions;

    BatchIntegration(LocalBatch batch, Map<String, JobDefinition> definitionsByArnOrName) {
        this.batch = batch;
        this.definitions = Map.copyOf(definitionsByArnOrName);
    }

    @Override
    public JsonNode invoke(ResourceArn resource, JsonNode p, TaskContext context)
            throws TaskFailedException, InterruptedException {
        if (!resource.action().equals("submitJob") || resource.pattern() != ResourceArn.Pattern.SYNC) {
            throw new TaskFailedException("States.Runtime", "Only arn:aws:states:::batch:submitJob.sync is served locally, not "
                    + resource.arn());
        }
        for (String field : List.of("JobName", "JobQueue", "JobDefinition")) {
            if (!p.hasNonNull(field)) {
                throw new TaskFailedException("Batch.ClientException", "The field '" + field + "' is required");
            }
        }
        JobDefinition def = lookup(p.get("JobDefinition").asText());
        JsonNode overrides = p.path("ContainerOverrides");
        Optional<List<String>> command = Optional.empty();
        if (overrides.has("Command")) {
            List<String> c = new ArrayList<>();
            overrides.get("Command").forEach(x -> c.add(x.asText()));
            command = Optional.of(c);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode e : overrides.path("Environment")) {
            env.put(e.path("Name").asText(), e.path("Value").asText());
        }
        AtomicReference<String> jobId = new AtomicReference<>();
        LocalBatch.JobResult result = batch.run(new LocalBatch.Submission(p.get("JobName").asText(),
                p.get("JobQueue").asText(), def, command, env, Optional.empty()), submitted -> {
                    jobId.set(submitted.get("JobId").asText());
                    context.submitted(submitted);
                    context.onCancel(() -> batch.terminate(jobId.get(), "Step Functions execution stopped"));
                });
        if (!result.succeeded()) {
            throw new TaskFailedException("States.TaskFailed", result.job().toString());
        }
        return result.job();
    }

    private JobDefinition lookup(String ref) throws TaskFailedException {
        JobDefinition d = definitions.get(ref);
        if (d == null) {
            String name = ref.substring(ref.lastIndexOf('/') + 1).replaceFirst(":\\d+$", "");
            d = definitions.get(name);
        }
        if (d == null) {
            throw new TaskFailedException("Batch.ClientException", "Job definition " + ref + " does not exist");
        }
        return d;
    }
}

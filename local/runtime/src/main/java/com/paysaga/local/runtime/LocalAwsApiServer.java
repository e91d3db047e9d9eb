package com.paysaga.local.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.ExecutionResult;
import com.paysaga.asl.ExecutionStatus;
import com.paysaga.asl.history.HistoryEvent;
import com.paysaga.local.batch.LocalBatch;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The two AWS APIs the emulator does not provide but the replay function calls: Step Functions
 * (AWS JSON 1.0: StartExecution, StopExecution, DescribeExecution, ListExecutions,
 * GetExecutionHistory) over the local engine, and AWS Batch (REST-JSON: TerminateJob, ListJobs,
 * DescribeJobs) over the local Batch runner. Functions reach it through the SDKs'
 * service-specific endpoint variables ({@code AWS_ENDPOINT_URL_SFN}, {@code AWS_ENDPOINT_URL_BATCH}).
 */
public final class LocalAwsApiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final java.util.function.Supplier<LocalStepFunctions> stepFunctionsRef;
    private final LocalBatch batch;

    /**
     * @param stepFunctions supplied late: the functions need this server's endpoint before the
     *        engine that calls them can exist
     */
    public LocalAwsApiServer(java.util.function.Supplier<LocalStepFunctions> stepFunctions, LocalBatch batch)
            throws IOException {
        this.stepFunctionsRef = stepFunctions;
        this.batch = batch;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            if (body == null || body.isMissingNode()) {
                body = JSON.createObjectNode();
            }
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            String path = ex.getRequestURI().getPath();
            if (target != null && target.startsWith("AWSStepFunctions.")) {
                respond(ex, 200, stepFunctions(target.substring("AWSStepFunctions.".length()), body), "application/x-amz-json-1.0");
            } else if (path.startsWith("/v1/")) {
                respond(ex, 200, batch(path.substring(4), body), "application/json");
            } else {
                error(ex, 400, "UnknownOperationException", "no local API for " + path + " " + target);
            }
        } catch (LocalStepFunctions.ExecutionAlreadyExistsException e) {
            error(ex, 400, "ExecutionAlreadyExists", e.getMessage());
        } catch (LocalStepFunctions.ExecutionDoesNotExistException e) {
            error(ex, 400, "ExecutionDoesNotExist", e.getMessage());
        } catch (LocalStepFunctions.StateMachineDoesNotExistException e) {
            error(ex, 400, "StateMachineDoesNotExist", e.getMessage());
        } catch (IllegalArgumentException e) {
            error(ex, 400, "InvalidParameterValue", e.getMessage());
        } catch (RuntimeException e) {
            error(ex, 500, "InternalFailure", String.valueOf(e.getMessage()));
        }
    }

    private JsonNode stepFunctions(String operation, JsonNode in) {
        LocalStepFunctions stepFunctions = stepFunctionsRef.get();
        ObjectNode out = JSON.createObjectNode();
        switch (operation) {
            case "StartExecution" -> {
                String name = in.path("name").asText(java.util.UUID.randomUUID().toString());
                JsonNode input = parseInput(in.path("input").asText("{}"));
                var started = stepFunctions.start(required(in, "stateMachineArn"), name, input);
                out.put("executionArn", started.execution().arn());
                out.put("startDate", epochSeconds(started.startDate()));
            }
            case "StopExecution" -> {
                var started = stepFunctions.describe(required(in, "executionArn"));
                started.execution().stop(in.path("error").asText(null), in.path("cause").asText(null));
                out.put("stopDate", epochSeconds(Instant.now()));
            }
            case "DescribeExecution" -> describe(stepFunctions.describe(required(in, "executionArn")), out);
            case "ListExecutions" -> {
                ArrayNode list = out.putArray("executions");
                String filter = in.path("statusFilter").asText(null);
                for (var s : stepFunctions.list(in.path("stateMachineArn").asText(null))) {
                    ObjectNode e = JSON.createObjectNode();
                    describe(s, e);
                    if (filter == null || filter.equals(e.get("status").asText())) {
                        e.remove(java.util.List.of("input", "output", "error", "cause"));
                        list.add(e);
                    }
                }
            }
            case "GetExecutionHistory" -> {
                ArrayNode events = out.putArray("events");
                for (HistoryEvent event : stepFunctions.describe(required(in, "executionArn")).execution().history()) {
                    events.add(JSON.valueToTree(event));
                }
            }
            default -> throw new IllegalArgumentException("operation " + operation + " is not served locally");
        }
        return out;
    }

    private static void describe(LocalStepFunctions.Started s, ObjectNode out) {
        out.put("executionArn", s.execution().arn());
        out.put("stateMachineArn", s.stateMachineArn());
        out.put("name", s.execution().name());
        ExecutionStatus status = s.execution().status();
        out.put("status", status.name());
        out.put("startDate", epochSeconds(s.startDate()));
        out.put("input", s.input());
        if (status != ExecutionStatus.RUNNING) {
            try {
                s.execution().await(java.time.Duration.ZERO).ifPresent(r -> result(r, out));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void result(ExecutionResult r, ObjectNode out) {
        out.put("stopDate", epochSeconds(Instant.now()));
        if (r.output() != null) {
            out.put("output", r.output().toString());
        }
        if (r.error() != null) {
            out.put("error", r.error());
        }
        if (r.cause() != null) {
            out.put("cause", r.cause());
        }
    }

    private JsonNode batch(String operation, JsonNode in) {
        ObjectNode out = JSON.createObjectNode();
        switch (operation) {
            case "terminatejob", "canceljob" -> batch.terminate(required(in, "jobId"), in.path("reason").asText("Terminated"));
            case "listjobs" -> {
                ArrayNode list = out.putArray("jobSummaryList");
                for (var job : batch.jobs()) {
                    String status = in.path("jobStatus").asText(null);
                    if (status == null || status.equals(job.get("Status").asText())) {
                        list.addObject().put("jobId", job.get("JobId").asText()).put("jobName", job.get("JobName").asText())
                                .put("status", job.get("Status").asText()).put("jobArn", job.get("JobArn").asText());
                    }
                }
            }
            case "describejobs" -> {
                ArrayNode list = out.putArray("jobs");
                for (JsonNode id : in.path("jobs")) {
                    batch.job(id.asText()).ifPresent(job -> list.addObject().put("jobId", job.get("JobId").asText())
                            .put("jobName", job.get("JobName").asText()).put("status", job.get("Status").asText())
                            .put("jobQueue", job.get("JobQueue").asText()).put("jobDefinition", job.get("JobDefinition").asText()));
                }
            }
            default -> throw new IllegalArgumentException("Batch operation " + operation + " is not served locally");
        }
        return out;
    }

    private static JsonNode parseInput(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid State Machine Execution Input: '" + e.getMessage() + "'");
        }
    }

    private static String required(JsonNode in, String field) {
        if (!in.hasNonNull(field)) {
            throw new IllegalArgumentException("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return in.get(field).asText();
    }

    private static double epochSeconds(Instant i) {
        return i.toEpochMilli() / 1000.0;
    }

    private static void error(HttpExchange ex, int status, String type, String message) throws IOException {
        ObjectNode e = JSON.createObjectNode().put("__type", type).put("message", message);
        respond(ex, status, e, "application/x-amz-json-1.0");
    }

    private static void respond(HttpExchange ex, int status, JsonNode body, String contentType) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", contentType);
        ex.getResponseHeaders().add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

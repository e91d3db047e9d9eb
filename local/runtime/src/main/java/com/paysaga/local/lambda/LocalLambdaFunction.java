package com.paysaga.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * One Lambda function served the way AWS serves it: its packaged artifact runs as child
 * processes that poll a Lambda Runtime API endpoint ({@code AWS_LAMBDA_RUNTIME_API}) for work.
 * Processes stay warm and are reused; concurrent invocations start more, up to
 * {@link FunctionSpec#maxConcurrency()}. Each process gets a Runtime API endpoint of its own, so
 * a process that overruns its deadline is the one that is killed.
 *
 * <p>Runtime API (2018-06-01) as AWS documents it: {@code GET /runtime/invocation/next} answers
 * with the event and the headers {@code Lambda-Runtime-Aws-Request-Id},
 * {@code -Deadline-Ms}, {@code -Invoked-Function-Arn} and {@code -Trace-Id} (the Java Runtime
 * Interface Client's native code crashes the JVM without a trace id); {@code POST
 * /runtime/invocation/{id}/response|error} and {@code /runtime/init/error}.
 */
public final class LocalLambdaFunction implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalLambdaFunction.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/2018-06-01/runtime/";
    /** Cold starts (JVM + framework boot) are not billed to the invocation's timeout on AWS either. */
    private static final Duration INIT_TIMEOUT = Duration.ofSeconds(120);
    /** How long a kill waits for the process to be reaped (SIGKILL cannot be ignored; this only bounds a stuck reaper). */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    /** A process that neither loads the runtime library nor asks for work by then no longer holds the start gate. */
    private static final Duration START_GATE_LIMIT = Duration.ofSeconds(30);

    private final FunctionSpec spec;
    private final LinkedBlockingDeque<Worker> idle = new LinkedBlockingDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private final AtomicInteger workerSeq = new AtomicInteger();
    private final AtomicInteger invocations = new AtomicInteger();
    private volatile boolean closed;

    public LocalLambdaFunction(FunctionSpec spec) {
        this.spec = Objects.requireNonNull(spec);
    }

    public FunctionSpec spec() {
        return spec;
    }

    /** Number of processes started so far (warm reuse keeps this below the invocation count). */
    public synchronized int processesStarted() {
        return workerSeq.get();
    }

    public int invocationCount() {
        return invocations.get();
    }

    /**
     * Invokes the function synchronously (InvocationType RequestResponse) and returns what the
     * Invoke API would report. Blocks while all {@code maxConcurrency} processes are busy.
     */
    public InvocationResult invoke(byte[] payload) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("function " + spec.name() + " is shut down");
        }
        invocations.incrementAndGet();
        Worker worker = acquire();
        Invocation inv = new Invocation(UUID.randomUUID().toString(), payload);
        try {
            worker.handOff(inv);
            try {
                inv.pickedUp.get(INIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                worker.kill();
                return new InvocationResult.Unhandled("Runtime did not ask for an invocation within "
                        + INIT_TIMEOUT.toSeconds() + " s (init timeout); see " + spec.logFile());
            }
            long remaining = inv.deadlineMs - System.currentTimeMillis();
            try {
                InvocationResult result = inv.result.get(Math.max(remaining, 1), TimeUnit.MILLISECONDS);
                if (result instanceof InvocationResult.Unhandled) {
                    worker.kill();
                }
                return result;
            } catch (TimeoutException e) {
                worker.kill();
                return new InvocationResult.Unhandled(String.format("%s %s Task timed out after %.2f seconds",
                        java.time.Instant.now(), inv.requestId, spec.timeout().toMillis() / 1000.0));
            }
        } catch (ExecutionException e) {
            worker.kill();
            return new InvocationResult.Unhandled(String.valueOf(e.getCause().getMessage()));
        } finally {
            release(worker);
        }
    }

    private Worker acquire() throws InterruptedException {
        while (true) {
            Worker w = idle.pollFirst();
            if (w != null) {
                if (w.alive()) {
                    return w;
                }
                continue;
            }
            synchronized (this) {
                workers.removeIf(x -> !x.alive());
                if (workers.size() < spec.maxConcurrency()) {
                    Worker started = startWorker();
                    workers.add(started);
                    return started;
                }
            }
            w = idle.pollFirst(100, TimeUnit.MILLISECONDS);
            if (w != null && w.alive()) {
                return w;
            }
        }
    }

    private void release(Worker w) {
        if (w.alive() && !closed) {
            idle.addFirst(w);
        }
    }

    private Worker startWorker() {
        try {
            return new Worker(workerSeq.incrementAndGet());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a process for function " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops the warm processes once they are idle, so the next invocation starts a new one, as a
     * deployment or a configuration change does on AWS (functions cache configuration they read).
     */
    public void recycle() {
        List<Worker> stopped = new ArrayList<>();
        for (Worker w; (w = idle.pollFirst()) != null;) {
            stopped.add(w);
        }
        synchronized (this) {
            workers.removeAll(stopped);
        }
        stopped.forEach(Worker::kill);
    }

    @Override
    public void close() {
        closed = true;
        List<Worker> all;
        synchronized (this) {
            all = new ArrayList<>(workers);
            workers.clear();
        }
        idle.clear();
        all.forEach(Worker::kill);
    }

    private static final class Invocation {
        final String requestId;
        final byte[] payload;
        final CompletableFuture<Void> pickedUp = new CompletableFuture<>();
        final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        volatile long deadlineMs;

        Invocation(String requestId, byte[] payload) {
            this.requestId = requestId;
            this.payload = payload;
        }
    }

    /** One warm process and its private Runtime API endpoint. */
    private final class Worker {
        private final HttpServer server;
        private final Process process;
        private final SynchronousQueue<Invocation> inbox = new SynchronousQueue<>();
        private volatile RuntimeStartGate.Ticket startTicket;
        private volatile Invocation current;
        private volatile boolean dead;

        Worker(int n) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext(PREFIX, this::handle);
            server.start();
            Map<String, String> env = new HashMap<>(spec.environment());
            env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
            env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/" + n);
            env.put("LAMBDA_TASK_ROOT", spec.workingDir().toString());
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
            Files.createDirectories(spec.logFile().getParent());
            ProcessBuilder pb = new ProcessBuilder(spec.command()).directory(spec.workingDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
            pb.environment().clear();
            pb.environment().putAll(env);
            try {
                startTicket = RuntimeStartGate.enter();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.stop(0);
                throw new IOException("interrupted while waiting to start a process for " + spec.name(), e);
            }
            try {
                process = pb.start();
            } catch (IOException | RuntimeException e) {
                startTicket.release();
                server.stop(0);
                throw e;
            }
            process.onExit().thenRun(this::exited);
            Thread.ofVirtual().name(spec.name() + "-start-" + n).start(this::releaseGateOnceStarted);
        }

        /** Lets the next process start once this one has its runtime library loaded (or gave up). */
        private void releaseGateOnceStarted() {
            long deadline = System.nanoTime() + START_GATE_LIMIT.toNanos();
            try {
                while (!startTicket.released() && alive() && System.nanoTime() < deadline
                        && !RuntimeStartGate.libraryMapped(process.pid())) {
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                startTicket.release();
            }
        }

        boolean alive() {
            return !dead && process.isAlive();
        }

        void handOff(Invocation inv) throws InterruptedException {
            current = inv;
            while (!inv.pickedUp.isDone()) {
                if (inbox.offer(inv, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
                if (!alive()) {
                    inv.pickedUp.completeExceptionally(new IllegalStateException(
                            "Runtime exited before taking the invocation; see " + spec.logFile()));
                    inv.result.completeExceptionally(new IllegalStateException(
                            "Runtime exited with error: exit status " + exitCode()));
                    return;
                }
            }
        }

        private String exitCode() {
            return process.isAlive() ? "?" : Integer.toString(process.exitValue());
        }

        void kill() {
            dead = true;
            startTicket.release();
            process.destroyForcibly();
            // SIGKILL is asynchronous: until the process is reaped it still shows as alive, and a
            // caller told "timed out" must be able to rely on the process being gone.
            try {
                process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.stop(0);
        }

        private void exited() {
            dead = true;
            startTicket.release();
            Invocation inv = current;
            if (inv != null && !inv.result.isDone()) {
                inv.pickedUp.complete(null);
                inv.result.complete(new InvocationResult.Unhandled(
                        "Runtime exited with error: exit status " + process.exitValue() + "; see " + spec.logFile()));
            }
            server.stop(0);
        }

        private void handle(HttpExchange ex) throws IOException {
            String path = ex.getRequestURI().getPath().substring(PREFIX.length());
            try {
                if (path.equals("invocation/next") && ex.getRequestMethod().equals("GET")) {
                    next(ex);
                } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                    complete(ex, path, false);
                } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                    complete(ex, path, true);
                } else if (path.equals("init/error")) {
                    byte[] body = ex.getRequestBody().readAllBytes();
                    LOG.warning(() -> spec.name() + ": init error " + InvocationResult.text(body));
                    Invocation inv = current;
                    if (inv != null) {
                        inv.pickedUp.complete(null);
                        inv.result.complete(new InvocationResult.Unhandled("Init error: " + InvocationResult.text(body)));
                    }
                    respond(ex, 202, "{\"status\":\"OK\"}");
                    kill();
                } else {
                    respond(ex, 404, "{\"errorMessage\":\"unknown Runtime API path\"}");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                respond(ex, 500, "{}");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Runtime API failure", e);
                respond(ex, 500, "{}");
            }
        }

        private void next(HttpExchange ex) throws IOException, InterruptedException {
            startTicket.release();
            Invocation inv = inbox.take();
            inv.deadlineMs = System.currentTimeMillis() + spec.timeout().toMillis();
            var h = ex.getResponseHeaders();
            h.add("Content-Type", "application/json");
            h.add("Lambda-Runtime-Aws-Request-Id", inv.requestId);
            h.add("Lambda-Runtime-Deadline-Ms", Long.toString(inv.deadlineMs));
            h.add("Lambda-Runtime-Invoked-Function-Arn", spec.arn());
            h.add("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000)
                    + "-" + inv.requestId.replace("-", "").substring(0, 24) + ";Parent=" + inv.requestId.substring(0, 16).replace("-", "0") + ";Sampled=0");
            ex.sendResponseHeaders(200, inv.payload.length == 0 ? -1 : inv.payload.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(inv.payload);
            }
            inv.pickedUp.complete(null);
        }

        private void complete(HttpExchange ex, String path, boolean error) throws IOException {
            String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Invocation inv = current;
            if (inv == null || !inv.requestId.equals(id)) {
                respond(ex, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                return;
            }
            // Cleared before the result is published: the caller hands this worker its next
            // invocation as soon as the result arrives.
            current = null;
            if (error) {
                String type = ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
                String message = null;
                try {
                    JsonNode node = JSON.readTree(body);
                    if (node != null && node.hasNonNull("errorType")) {
                        type = node.get("errorType").asText();
                    }
                    message = node == null ? null : node.path("errorMessage").asText(null);
                } catch (IOException notJson) {
                    message = InvocationResult.text(body);
                }
                inv.result.complete(new InvocationResult.FunctionError(
                        type == null || type.isBlank() ? "Unhandled" : type, message, body));
            } else {
                inv.result.complete(new InvocationResult.Success(body));
            }
            respond(ex, 202, "{\"status\":\"OK\"}");
        }

        private void respond(HttpExchange ex, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}

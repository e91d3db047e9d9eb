package com.paysaga.local.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A transparent proxy in front of the emulator, one per function (and one for the Batch job),
 * so faults can be injected at the network, the way AWS produces them: a rule answers matching
 * requests with the service's own error (e.g. DynamoDB's
 * {@code ProvisionedThroughputExceededException}) instead of forwarding them. Production code
 * has no test branch: it just sees a throttled table. Without rules it forwards every request
 * unchanged, streaming bodies.
 */
public final class FaultProxy implements AutoCloseable {

    /** What a rule sees of a request: the signing service, the operation and (for small bodies) the body. */
    public record Request(String service, String operation, String method, String path, String body) {
    }

    /** An answer in place of the emulator's. */
    public record Response(int status, String contentType, String body) {

        /** An AWS JSON-protocol error, e.g. {@code json(400, "ProvisionedThroughputExceededException", "…")}. */
        public static Response json(int status, String type, String message) {
            return new Response(status, "application/x-amz-json-1.0",
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"" + message + "\"}");
        }

        /** An AWS query-protocol (SNS, SQS) error document. */
        public static Response query(int status, String code, String message) {
            return new Response(status, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>" + code
                    + "</Code><Message>" + message + "</Message></Error><RequestId>local</RequestId></ErrorResponse>");
        }
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");
    private static final int MAX_INSPECTED_BODY = 8 * 1024 * 1024;

    private final URI upstream;
    private final String name;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();

    private record Rule(Predicate<Request> matches, Response response, AtomicInteger hits) {
    }

    public FaultProxy(String name, URI upstream) throws IOException {
        this.name = name;
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String name() {
        return name;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers requests that {@code matches} accepts with {@code response}, until removed. */
    public void inject(String ruleName, Predicate<Request> matches, Response response) {
        rules.put(ruleName, new Rule(matches, response, new AtomicInteger()));
    }

    /** Removes a rule; returns how many requests it answered. */
    public int clear(String ruleName) {
        Rule r = rules.remove(ruleName);
        return r == null ? 0 : r.hits().get();
    }

    public int hits(String ruleName) {
        Rule r = rules.get(ruleName);
        return r == null ? 0 : r.hits().get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            byte[] inspected = null;
            InputStream body = ex.getRequestBody();
            long length = contentLength(ex);
            if (!rules.isEmpty() && length <= MAX_INSPECTED_BODY) {
                inspected = body.readAllBytes();
                Request r = describe(ex, new String(inspected, StandardCharsets.UTF_8));
                for (Rule rule : rules.values()) {
                    if (rule.matches().test(r)) {
                        rule.hits().incrementAndGet();
                        respond(ex, rule.response());
                        return;
                    }
                }
                body = new ByteArrayInputStream(inspected);
                length = inspected.length;
            }
            forward(ex, body, inspected != null ? inspected.length : length);
        } catch (IOException | RuntimeException e) {
            byte[] msg = ("proxy " + name + ": " + e).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(502, msg.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(msg);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.sendResponseHeaders(503, -1);
        } finally {
            ex.close();
        }
    }

    private void forward(HttpExchange ex, InputStream body, long length) throws IOException, InterruptedException {
        URI target = URI.create(upstream.toString().replaceAll("/$", "") + ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()));
        HttpRequest.BodyPublisher publisher = length == 0 ? HttpRequest.BodyPublishers.noBody()
                : length > 0 ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), length)
                : HttpRequest.BodyPublishers.ofInputStream(() -> body);
        HttpRequest.Builder req = HttpRequest.newBuilder(target).method(ex.getRequestMethod(), publisher)
                .timeout(Duration.ofMinutes(15));
        ex.getRequestHeaders().forEach((k, values) -> {
            if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> req.header(k, v));
            }
        });
        HttpResponse<InputStream> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        resp.headers().map().forEach((k, values) -> {
            if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                values.forEach(v -> ex.getResponseHeaders().add(k, v));
            }
        });
        long respLength = resp.headers().firstValueAsLong("content-length").orElse(-2);
        boolean noBody = ex.getRequestMethod().equals("HEAD") || resp.statusCode() == 204 || resp.statusCode() == 304;
        if (noBody) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(Math.max(respLength, 0)));
            ex.sendResponseHeaders(resp.statusCode(), -1);
            resp.body().close();
            return;
        }
        ex.sendResponseHeaders(resp.statusCode(), respLength == 0 ? -1 : respLength > 0 ? respLength : 0);
        try (InputStream in = resp.body(); OutputStream out = ex.getResponseBody()) {
            in.transferTo(out);
        }
    }

    private static long contentLength(HttpExchange ex) {
        String cl = ex.getRequestHeaders().getFirst("Content-Length");
        if (cl != null) {
            return Long.parseLong(cl.trim());
        }
        String te = ex.getRequestHeaders().getFirst("Transfer-Encoding");
        return te == null ? 0 : -1;
    }

    /** Service from the SigV4 credential scope, operation from X-Amz-Target or the query Action. */
    private static Request describe(HttpExchange ex, String body) {
        String auth = Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")).orElse("");
        String service = "";
        int cred = auth.indexOf("Credential=");
        if (cred >= 0) {
            String[] scope = auth.substring(cred + 11).split("[,\\s]")[0].split("/");
            if (scope.length >= 4) {
                service = scope[3];
            }
        }
        String operation = "";
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            operation = target.substring(target.lastIndexOf('.') + 1);
        } else if (body.contains("Action=")) {
            for (String pair : body.split("&")) {
                if (pair.startsWith("Action=")) {
                    operation = URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
                }
            }
        } else {
            operation = ex.getRequestMethod();
        }
        return new Request(service, operation, ex.getRequestMethod(), ex.getRequestURI().getPath(), body);
    }

    private static void respond(HttpExchange ex, Response r) throws IOException {
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        ex.getResponseHeaders().set("x-amzn-RequestId", "fault-injected");
        ex.sendResponseHeaders(r.status(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

}

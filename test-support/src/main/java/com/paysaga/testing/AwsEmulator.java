package com.paysaga.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import com.paysaga.saga.aws.AwsClients;

/**
 * The AWS endpoint tests talk to, resolved once per JVM:
 * <ol>
 * <li>{@code AWS_ENDPOINT_URL} when set (what {@code .ci/run} and {@code local/paysaga up} export);</li>
 * <li>with {@code PAYSAGA_EMULATOR=localstack}, LocalStack through Testcontainers, only where a
 * Docker engine answers; otherwise the calling test is skipped, not failed;</li>
 * <li>otherwise a private moto instance started with {@code local/emulator.sh} (the same script
 * CI and the launcher use) and stopped when the JVM exits.</li>
 * </ol>
 * Tests never reach real AWS: every path yields an explicit local endpoint.
 */
public final class AwsEmulator {

    public static final String LOCALSTACK_IMAGE = "localstack/localstack:4.4";

    /** An endpoint plus what an SDK or a child process needs to use it. */
    public record Endpoint(URI uri, String region, String kind) {
        public AwsClients clients() {
            return AwsClients.forEmulator(uri, region);
        }

        /** The environment variables the AWS SDKs (Java, Python, CLI) read. */
        public Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("AWS_ENDPOINT_URL", uri.toString());
            env.put("AWS_REGION", region);
            env.put("AWS_DEFAULT_REGION", region);
            env.put("AWS_ACCESS_KEY_ID", "test");
            env.put("AWS_SECRET_ACCESS_KEY", "test");
            env.put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
            env.put("AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
            return env;
        }
    }

    private static Endpoint endpoint;

    private AwsEmulator() {
    }

    public static synchronized Endpoint endpoint() {
        if (endpoint == null) {
            endpoint = resolve();
        }
        return endpoint;
    }

    private static Endpoint resolve() {
        String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        String url = System.getenv("AWS_ENDPOINT_URL");
        if (url != null && !url.isBlank()) {
            return new Endpoint(URI.create(url), region, "AWS_ENDPOINT_URL");
        }
        if ("localstack".equalsIgnoreCase(System.getenv("PAYSAGA_EMULATOR"))) {
            return localStack();
        }
        return privateMoto(region);
    }

    /** LocalStack for tests that opt in; skips (never fails) where no Docker engine answers. */
    public static Endpoint localStack() {
        if (!dockerAvailable()) {
            throw new TestAbortedException("PAYSAGA_EMULATOR=localstack needs a Docker engine, and none answers here");
        }
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE))
                .withServices("s3", "dynamodb", "kms", "sns");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "localstack-stop"));
        return new Endpoint(container.getEndpoint(), container.getRegion(), "localstack");
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Endpoint privateMoto(String region) {
        String instance = "test-" + ProcessHandle.current().pid();
        Map<String, String> env = parseExports(emulator("start", instance));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> emulator("stop", instance), "moto-stop"));
        return new Endpoint(URI.create(env.get("AWS_ENDPOINT_URL")), region, "moto:" + instance);
    }

    private static String emulator(String command, String instance) {
        ProcessBuilder pb = new ProcessBuilder("bash", ProjectRoot.resolve("local/emulator.sh").toString(),
                command, "--instance", instance)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process p = pb.start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("local/emulator.sh " + command + " failed (exit "
                        + (p.isAlive() ? "timeout" : p.exitValue()) + "); see the lines above");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run local/emulator.sh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running local/emulator.sh", e);
        }
    }

    static Map<String, String> parseExports(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.startsWith("export ") && line.contains("=")) {
                String kv = line.substring("export ".length());
                int eq = kv.indexOf('=');
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        if (!env.containsKey("AWS_ENDPOINT_URL")) {
            throw new IllegalStateException("local/emulator.sh printed no AWS_ENDPOINT_URL: " + text);
        }
        return env;
    }
}

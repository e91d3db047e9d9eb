package com.paysaga.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.paysaga.testing.AwsEmulator;
import com.paysaga.testing.ProjectRoot;

/**
 * Runs the packaged job exactly as AWS Batch and the local runtime do: {@code java -jar
 * target/quarkus-app/quarkus-run.jar <command> --file-id ID} in a child process whose environment
 * is the job definition's (docs/contracts.md) plus the emulator's AWS variables. Tests therefore
 * cover the artifact, its configuration from the environment and its exit codes, with no class
 * shared between the test and the job.
 */
final class JobLauncher {

    record Result(int exitCode, String output, String errorOutput) {
        public String getOutput() {
            return output;
        }

        public String getErrorOutput() {
            return errorOutput;
        }
    }

    private final Map<String, String> environment;

    JobLauncher(Map<String, String> jobEnvironment) {
        this.environment = new LinkedHashMap<>(AwsEmulator.endpoint().environment());
        environment.put("QUARKUS_S3_PATH_STYLE_ACCESS", "true");
        environment.put("PROGRESS_INTERVAL", "0s");
        environment.putAll(jobEnvironment);
    }

    Result launch(String... args) {
        return launch(Map.of(), args);
    }

    Result launch(Map<String, String> overrides, String... args) {
        Path jar = ProjectRoot.resolve("batch-container/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run in the integration-test phase, after package");
        }
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only, as the local runtime starts its jobs (LocalRuntime.JobJit.QUICK_START):
                // each job here reads a file of a few KB and exits, long before C2 would pay off.
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        argv.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("job", ".out");
            Path err = Files.createTempFile("job", ".err");
            ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().clear();
            pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            pb.environment().putAll(environment);
            pb.environment().putAll(overrides);
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("job " + List.of(args) + " did not finish in 5 minutes");
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package com.paysaga.local.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run one Lambda function locally.
 *
 * @param name           the function name (as {@code !Ref} of the function gives it)
 * @param arn            its ARN, sent as {@code Lambda-Runtime-Invoked-Function-Arn}
 * @param command        the process to start: a native {@code bootstrap}, or a JVM under the
 *                       Runtime Interface Client (see {@link FunctionArtifacts})
 * @param workingDir     the extracted artifact ({@code LAMBDA_TASK_ROOT})
 * @param environment    the template's environment of the function plus the emulator's
 * @param memoryMb       MemorySize from the template (also bounds the JVM heap)
 * @param timeout        Timeout from the template
 * @param maxConcurrency how many warm processes may serve invocations at once
 * @param logFile        where the processes' stdout/stderr go (the local CloudWatch Logs)
 */
public record FunctionSpec(String name, String arn, List<String> command, Path workingDir,
        Map<String, String> environment, int memoryMb, Duration timeout, int maxConcurrency, Path logFile) {

    public FunctionSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
    }
}

package com.paysaga.local.batch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an {@code AWS::Batch::JobDefinition} the local runner honours.
 *
 * @param arn          as {@code !Ref} gives it
 * @param name         JobDefinitionName
 * @param command      ContainerProperties.Command (the image's arguments; overridable per job)
 * @param environment  ContainerProperties.Environment
 * @param memoryMb     ResourceRequirements MEMORY (bounds the JVM heap)
 * @param attempts     RetryStrategy.Attempts (1 = no retry)
 * @param evaluateOnExit RetryStrategy.EvaluateOnExit, in order
 * @param attemptTimeout Timeout.AttemptDurationSeconds
 */
public record JobDefinition(String arn, String name, List<String> command, Map<String, String> environment,
        int memoryMb, int attempts, List<ExitRule> evaluateOnExit, Optional<Duration> attemptTimeout) {

    public JobDefinition {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        evaluateOnExit = List.copyOf(evaluateOnExit);
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("RetryStrategy.Attempts must be 1..10, got " + attempts);
        }
    }

    /**
     * One {@code EvaluateOnExit} entry. Patterns may end in {@code *} (AWS Batch allows a
     * trailing wildcard only); an absent pattern matches anything.
     */
    public record ExitRule(Optional<String> onExitCode, Optional<String> onStatusReason, Optional<String> onReason,
            Action action) {

        public enum Action { RETRY, EXIT }

        boolean matches(int exitCode, String statusReason, String reason) {
            return glob(onExitCode, Integer.toString(exitCode)) && glob(onStatusReason, statusReason)
                    && glob(onReason, reason);
        }

        private static boolean glob(Optional<String> pattern, String value) {
            if (pattern.isEmpty()) {
                return true;
            }
            String p = pattern.get();
            if (value == null) {
                return p.equals("*");
            }
            return p.endsWith("*") ? value.startsWith(p.substring(0, p.length() - 1)) : value.equals(p);
        }
    }
}

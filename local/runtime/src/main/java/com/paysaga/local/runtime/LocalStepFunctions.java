package com.paysaga.local.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.AslEngine;
import com.paysaga.asl.Execution;
import com.paysaga.asl.StateMachine;

/**
 * The Step Functions control plane for local state machines: executions by ARN, with
 * StartExecution's idempotency rule for Standard workflows (the same name and input return the
 * running or finished execution; the same name with another input is
 * {@code ExecutionAlreadyExists}).
 */
public final class LocalStepFunctions {

    /** An execution and what it was started with. */
    public record Started(Execution execution, String stateMachineArn, String input, Instant startDate) {
    }

    public static final class ExecutionAlreadyExistsException extends RuntimeException {
        public ExecutionAlreadyExistsException(String message) {
            super(message);
        }
    }

    public static final class StateMachineDoesNotExistException extends RuntimeException {
        public StateMachineDoesNotExistException(String message) {
            super(message);
        }
    }

    public static final class ExecutionDoesNotExistException extends RuntimeException {
        public ExecutionDoesNotExistException(String message) {
            super(message);
        }
    }

    private final AslEngine engine;
    private final Map<String, StateMachine> machines = new ConcurrentHashMap<>();
    private final Map<String, Started> executions = new ConcurrentHashMap<>();

    public LocalStepFunctions(AslEngine engine) {
        this.engine = engine;
    }

    public void register(StateMachine machine) {
        machines.put(machine.arn(), machine);
    }

    public Collection<StateMachine> stateMachines() {
        return machines.values();
    }

    public synchronized Started start(String stateMachineArn, String name, JsonNode input) {
        StateMachine machine = machines.get(stateMachineArn);
        if (machine == null) {
            throw new StateMachineDoesNotExistException("State Machine Does Not Exist: '" + stateMachineArn + "'");
        }
        String executionArn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
        Started existing = executions.get(executionArn);
        String inputText = input.toString();
        if (existing != null) {
            if (existing.input().equals(inputText)) {
                return existing;
            }
            throw new ExecutionAlreadyExistsException("Execution Already Exists: '" + executionArn + "'");
        }
        Execution execution = engine.start(machine, name, input);
        Started started = new Started(execution, stateMachineArn, inputText, Instant.now());
        executions.put(execution.arn(), started);
        return started;
    }

    public Started describe(String executionArn) {
        Started s = executions.get(executionArn);
        if (s == null) {
            throw new ExecutionDoesNotExistException("Execution Does Not Exist: '" + executionArn + "'");
        }
        return s;
    }

    public Optional<Started> find(String executionArnOrName) {
        Started s = executions.get(executionArnOrName);
        if (s != null) {
            return Optional.of(s);
        }
        return executions.values().stream().filter(e -> e.execution().name().equals(executionArnOrName)).findFirst();
    }

    public List<Started> list(String stateMachineArn) {
        List<Started> out = new ArrayList<>();
        for (Started s : executions.values()) {
            if (stateMachineArn == null || s.stateMachineArn().equals(stateMachineArn)) {
                out.add(s);
            }
        }
        out.sort((a, b) -> b.startDate().compareTo(a.startDate()));
        return out;
    }
}

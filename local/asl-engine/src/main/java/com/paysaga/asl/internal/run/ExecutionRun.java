package com.paysaga.asl.internal.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.ExecutionResult;
import com.paysaga.asl.internal.json.Json;
import com.paysaga.asl.internal.model.Model;

/**
 * The state of one execution: identity, input, history and root scope. A Distributed Map's child
 * workflow executions are ExecutionRuns of their own, with their own history, as on the service.
 */
public final class ExecutionRun {

    /** The service writes context timestamps with millisecond precision, e.g. 2019-03-26T20:14:13.192Z. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Services services;
    private final Model.Machine machine;
    private final String arn;
    private final String name;
    private final String stateMachineArn;
    private final String stateMachineName;
    private final JsonNode input;
    private final Instant startTime;
    private final EventLog log;
    private final Scope scope;
    private final List<ExecutionRun> children = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ExecutionResult> completion = new CompletableFuture<>();

    public ExecutionRun(Services services, Model.Machine machine, String arn, String name, String stateMachineArn,
            String stateMachineName, JsonNode input, Scope scope) {
        this.services = services;
        this.scope = scope;
        this.machine = machine;
        this.arn = arn;
        this.name = name;
        this.stateMachineArn = stateMachineArn;
        this.stateMachineName = stateMachineName;
        this.input = input;
        this.startTime = services.clock().now();
        this.log = new EventLog(services.clock());
    }

    public Services services() {
        return services;
    }

    public Model.Machine machine() {
        return machine;
    }

    public String arn() {
        return arn;
    }

    public String name() {
        return name;
    }

    public String stateMachineArn() {
        return stateMachineArn;
    }

    public String stateMachineName() {
        return stateMachineName;
    }

    public JsonNode input() {
        return input;
    }

    public Instant startTime() {
        return startTime;
    }

    public EventLog log() {
        return log;
    }

    public Scope scope() {
        return scope;
    }

    public List<ExecutionRun> children() {
        return children;
    }

    /** Completed by {@link ExecutionDriver} with the terminal result. */
    public CompletableFuture<ExecutionResult> completion() {
        return completion;
    }

    /**
     * The context object ({@code $$}) as the developer guide lists it: Execution, State,
     * StateMachine, and Task (with the token of a callback task) and Map.Item where they apply.
     */
    public ObjectNode contextObject(String stateName, Instant enteredTime, int retryCount, String taskToken,
            Integer mapIndex, JsonNode mapValue) {
        ObjectNode ctx = Json.object();
        ObjectNode execution = ctx.putObject("Execution");
        execution.put("Id", arn);
        execution.set("Input", input);
        execution.put("Name", name);
        execution.put("RoleArn", services.roleArn());
        execution.put("StartTime", TIMESTAMP.format(startTime));
        execution.put("RedriveCount", 0);
        ObjectNode state = ctx.putObject("State");
        state.put("EnteredTime", TIMESTAMP.format(enteredTime));
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        ObjectNode sm = ctx.putObject("StateMachine");
        sm.put("Id", stateMachineArn);
        sm.put("Name", stateMachineName);
        if (taskToken != null) {
            ctx.putObject("Task").put("Token", taskToken);
        }
        if (mapIndex != null) {
            ObjectNode item = ctx.putObject("Map").putObject("Item");
            item.put("Index", mapIndex);
            item.set("Value", mapValue);
        }
        return ctx;
    }
}

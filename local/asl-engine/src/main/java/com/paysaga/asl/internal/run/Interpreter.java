package com.paysaga.asl.internal.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.ErrorNames;
import com.paysaga.asl.history.HistoryEvent;
import com.paysaga.asl.history.HistoryEventType;
import com.paysaga.asl.internal.choice.Condition;
import com.paysaga.asl.internal.json.Json;
import com.paysaga.asl.internal.model.Model;
import com.paysaga.asl.internal.path.JsonPaths;

/**
 * Walks a state machine (or a branch, or an item processor) state by state, applying each state
 * type's rules and the service's input/output processing order: InputPath, Parameters, the
 * state's work, ResultSelector, ResultPath, OutputPath. Each state visit records its history
 * events on the flow's cursor.
 */
public final class Interpreter {

    /** A line of execution: what cancels it and where its events chain. */
    public record Flow(Scope scope, Cursor cursor) {
    }

    record Step(String next, JsonNode output) {
    }

    @FunctionalInterface
    interface Attempt {
        Step run();
    }

    final ExecutionRun run;
    final Services services;
    private final TaskRunner tasks;
    private final Fanout fanout;

    public Interpreter(ExecutionRun run) {
        this.run = run;
        this.services = run.services();
        this.tasks = new TaskRunner(this);
        this.fanout = new Fanout(this);
    }

    /** Runs {@code machine} from its StartAt to a terminal state and returns the final output. */
    public JsonNode runMachine(Model.Machine machine, JsonNode input, Flow flow) {
        String current = machine.startAt();
        JsonNode data = input;
        while (true) {
            flow.scope().checkpoint();
            Step step = runState(machine.state(current), data, flow);
            if (step.next() == null) {
                return step.output();
            }
            data = step.output();
            current = step.next();
        }
    }

    /** Everything about one visit of one state. */
    final class Visit {
        final Model.State state;
        final Flow flow;
        final HistoryEvent entered;
        final Instant enteredTime;
        int retryCount;
        String taskToken;

        Visit(Model.State state, Flow flow, HistoryEvent entered) {
            this.state = state;
            this.flow = flow;
            this.entered = entered;
            this.enteredTime = entered.timestamp();
        }

        /** The context object, built only if a {@code $$} path is evaluated. */
        Supplier<JsonNode> context() {
            return memo(() -> run.contextObject(state.name(), enteredTime, retryCount, taskToken, null, null));
        }

        Supplier<JsonNode> mapItemContext(int index, JsonNode value) {
            return memo(() -> run.contextObject(state.name(), enteredTime, retryCount, taskToken, index, value));
        }

        /** The service's wording for failures it detects while processing a state. */
        StatesFailure qualify(StatesFailure f) {
            if (!f.engineDetected()) {
                return f;
            }
            return new StatesFailure(f.error(), "An error occurred while executing the state '" + state.name()
                    + "' (entered at the event id #" + entered.id() + "). " + f.cause(), false);
        }

        HistoryEvent emit(HistoryEventType type, ObjectNode details) {
            return flow.cursor().emit(type, details);
        }

        void exited(HistoryEventType type, JsonNode output) {
            String text = Json.compact(output);
            checkSize(text, state.name());
            ObjectNode d = Json.object();
            d.put("name", state.name());
            d.put("output", text);
            d.putObject("outputDetails").put("truncated", false);
            emit(type, d);
        }
    }

    /** The service's payload quota: 256 KiB of UTF-8 between states. */
    static final int MAX_PAYLOAD_BYTES = 262_144;

    /**
     * A state output over the quota fails the execution with the terminal
     * States.DataLimitExceeded, as on the service, so that a design that would break on AWS
     * breaks here too.
     */
    static void checkSize(String json, String stateName) {
        if (json.length() * 3L > MAX_PAYLOAD_BYTES
                && json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new StatesFailure(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + stateName
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.", false);
        }
    }

    static Supplier<JsonNode> memo(Supplier<JsonNode> build) {
        return new Supplier<>() {
            private JsonNode value;

            @Override
            public JsonNode get() {
                if (value == null) {
                    value = build.get();
                }
                return value;
            }
        };
    }

    private Step runState(Model.State state, JsonNode raw, Flow flow) {
        ObjectNode d = Json.object();
        d.put("name", state.name());
        d.put("input", Json.compact(raw));
        d.putObject("inputDetails").put("truncated", false);
        HistoryEvent entered = flow.cursor().emit(enteredType(state), d);
        Visit visit = new Visit(state, flow, entered);
        try {
            return switch (state) {
                case Model.Pass s -> pass(visit, s, raw);
                case Model.Task s -> tasks.task(visit, s, raw);
                case Model.Choice s -> choice(visit, s, raw);
                case Model.Wait s -> waitState(visit, s, raw);
                case Model.Succeed s -> succeed(visit, s, raw);
                case Model.Fail s -> fail(visit, s, raw);
                case Model.Parallel s -> fanout.parallel(visit, s, raw);
                case Model.MapState s -> fanout.map(visit, s, raw);
            };
        } catch (StatesFailure f) {
            throw visit.qualify(f);
        } catch (FlowStopped stopped) {
            HistoryEventType aborted = switch (state) {
                case Model.Task t -> HistoryEventType.TaskStateAborted;
                case Model.Wait w -> HistoryEventType.WaitStateAborted;
                case Model.Parallel p -> HistoryEventType.ParallelStateAborted;
                case Model.MapState m -> HistoryEventType.MapStateAborted;
                default -> null;
            };
            if (aborted != null) {
                visit.emit(aborted, null);
            }
            throw stopped;
        }
    }

    private static HistoryEventType enteredType(Model.State state) {
        return switch (state) {
            case Model.Pass s -> HistoryEventType.PassStateEntered;
            case Model.Task s -> HistoryEventType.TaskStateEntered;
            case Model.Choice s -> HistoryEventType.ChoiceStateEntered;
            case Model.Wait s -> HistoryEventType.WaitStateEntered;
            case Model.Succeed s -> HistoryEventType.SucceedStateEntered;
            case Model.Fail s -> HistoryEventType.FailStateEntered;
            case Model.Parallel s -> HistoryEventType.ParallelStateEntered;
            case Model.MapState s -> HistoryEventType.MapStateEntered;
        };
    }

    // ---- input and output processing -------------------------------------------------------

    /** InputPath / OutputPath: {@code null} gives {@code {}}; a path that selects nothing is a States.Runtime error. */
    static JsonNode applyPath(Model.IoPath path, JsonNode data, Supplier<JsonNode> context) {
        if (path.isNull()) {
            return Json.object();
        }
        if (path.isRoot()) {
            return data;
        }
        try {
            return JsonPaths.read(path.path(), data, context);
        } catch (JsonPaths.PathMissingException e) {
            throw StatesFailure.detected(ErrorNames.RUNTIME, "Invalid path '" + path.path() + "' : " + e.getMessage());
        }
    }

    /** ResultPath: places the result into the state's raw input (or replaces or discards). */
    static JsonNode applyResultPath(Model.ResultPathSpec spec, JsonNode raw, JsonNode result) {
        if (spec.discard()) {
            return raw;
        }
        if (spec.path().isRoot()) {
            return result;
        }
        try {
            return spec.path().set(raw, result);
        } catch (IllegalArgumentException e) {
            throw StatesFailure.detected(ErrorNames.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath \""
                    + spec.path().text() + "\" to input \"" + Json.compact(raw) + "\": " + e.getMessage());
        }
    }

    /** A {@code …Path} field that must select a number (TimeoutSecondsPath, MaxConcurrencyPath, …). */
    static Double number(Model.NumberSpec spec, JsonNode effective, Supplier<JsonNode> context, boolean integer) {
        if (spec == null) {
            return null;
        }
        if (spec.value() != null) {
            return spec.value();
        }
        JsonNode v;
        try {
            v = JsonPaths.read(spec.path(), effective, context);
        } catch (JsonPaths.PathMissingException e) {
            throw StatesFailure.detected(ErrorNames.RUNTIME, "Invalid path '" + spec.path() + "' : " + e.getMessage());
        }
        boolean ok = v.isNumber() && v.doubleValue() >= 0 && (!integer || v.isIntegralNumber()
                || v.decimalValue().stripTrailingZeros().scale() <= 0);
        if (!ok) {
            throw StatesFailure.detected(ErrorNames.RUNTIME, "The " + spec.field() + "Path parameter does not reference a "
                    + (integer ? "valid non-negative integer" : "valid non-negative number") + " value: " + spec.path()
                    + " (found " + Json.compact(v) + ")");
        }
        return v.doubleValue();
    }

    // ---- Retry and Catch ---------------------------------------------------------------------

    /**
     * Runs {@code attempt} under the state's retriers and catchers (developer guide, "Error
     * handling in Step Functions", "Complex retry scenarios"): the first retrier whose
     * ErrorEquals matches decides. Its MaxAttempts is counted per error name ("it has already
     * reached its limit of two retries for that particular error"), while its backoff grows with
     * every retry it made: in the guide's example, failures ErrorA, ErrorB, ErrorC, ErrorB, ErrorB
     * wait 1, 2, 5 and 4 seconds, and the fifth goes to Catch. Counts last for the whole state
     * visit. Terminal errors (States.Runtime) bypass Retry and Catch.
     */
    Step retrying(Visit visit, List<Model.Retrier> retriers, List<Model.Catcher> catchers, JsonNode raw,
            HistoryEventType exitedType, Runnable onGiveUp, Attempt attempt) {
        int[] used = new int[retriers.size()];
        List<Map<String, Integer>> usedPerError = new ArrayList<>();
        for (int i = 0; i < retriers.size(); i++) {
            usedPerError.add(new HashMap<>());
        }
        while (true) {
            StatesFailure failure;
            try {
                return attempt.run();
            } catch (StatesFailure f) {
                failure = visit.qualify(f);
            }
            if (ErrorNames.isTerminal(failure.error())) {
                throw failure;
            }
            int r = firstRetrier(retriers, failure.error());
            String errorKey = String.valueOf(failure.error());
            if (r >= 0 && usedPerError.get(r).getOrDefault(errorKey, 0) < retriers.get(r).maxAttempts()) {
                Duration delay = retryDelay(retriers.get(r), used[r]);
                used[r]++;
                usedPerError.get(r).merge(errorKey, 1, Integer::sum);
                visit.retryCount++;
                sleep(delay, visit.flow);
                continue;
            }
            if (onGiveUp != null) {
                onGiveUp.run();
            }
            for (Model.Catcher c : catchers) {
                if (ErrorNames.matchesAny(c.errorEquals(), failure.error())) {
                    ObjectNode errorOutput = Json.object();
                    errorOutput.put("Error", failure.error() == null ? "" : failure.error());
                    errorOutput.put("Cause", failure.cause() == null ? "" : failure.cause());
                    JsonNode output;
                    try {
                        output = applyResultPath(c.resultPath(), raw, errorOutput);
                    } catch (StatesFailure f) {
                        throw visit.qualify(f);
                    }
                    visit.exited(exitedType, output);
                    return new Step(c.next(), output);
                }
            }
            throw failure;
        }
    }

    private static int firstRetrier(List<Model.Retrier> retriers, String error) {
        for (int i = 0; i < retriers.size(); i++) {
            if (ErrorNames.matchesAny(retriers.get(i).errorEquals(), error)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * IntervalSeconds × BackoffRate^(retries so far), capped by MaxDelaySeconds; with
     * JitterStrategy FULL a uniformly random delay between 0 and that value.
     */
    static Duration retryDelay(Model.Retrier r, int retriesSoFar) {
        double seconds = r.intervalSeconds() * Math.pow(r.backoffRate(), retriesSoFar);
        if (r.maxDelaySeconds() != null) {
            seconds = Math.min(seconds, r.maxDelaySeconds());
        }
        if (r.jitter() == Model.Jitter.FULL) {
            seconds = ThreadLocalRandom.current().nextDouble() * seconds;
        }
        return Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0));
    }

    void sleep(Duration d, Flow flow) {
        try {
            services.clock().sleep(d);
        } catch (InterruptedException e) {
            throw flow.scope().stopped();
        }
    }

    // ---- the simple states -------------------------------------------------------------------

    private Step pass(Visit v, Model.Pass s, JsonNode raw) {
        Supplier<JsonNode> ctx = v.context();
        JsonNode effective = applyPath(s.inputPath(), raw, ctx);
        if (s.parameters() != null) {
            effective = s.parameters().evaluate(effective, ctx);
        }
        JsonNode result = s.result() != null ? s.result() : effective;
        JsonNode output = applyPath(s.outputPath(), applyResultPath(s.resultPath(), raw, result), ctx);
        v.exited(HistoryEventType.PassStateExited, output);
        return new Step(s.next(), output);
    }

    private Step choice(Visit v, Model.Choice s, JsonNode raw) {
        Supplier<JsonNode> ctx = v.context();
        JsonNode effective = applyPath(s.inputPath(), raw, ctx);
        String next = null;
        for (Model.ChoiceRule rule : s.choices()) {
            if (rule.condition().test(effective, ctx)) {
                next = rule.next();
                break;
            }
        }
        if (next == null) {
            next = s.defaultNext();
        }
        if (next == null) {
            throw StatesFailure.detected(ErrorNames.NO_CHOICE_MATCHED, "No Matches!");
        }
        JsonNode output = applyPath(s.outputPath(), effective, ctx);
        v.exited(HistoryEventType.ChoiceStateExited, output);
        return new Step(next, output);
    }

    private Step waitState(Visit v, Model.Wait s, JsonNode raw) {
        Supplier<JsonNode> ctx = v.context();
        JsonNode effective = applyPath(s.inputPath(), raw, ctx);
        Duration wait;
        if (s.seconds() != null) {
            wait = Duration.ofSeconds(s.seconds());
        } else if (s.secondsPath() != null) {
            JsonNode n = read(s.secondsPath(), effective, ctx);
            if (!n.isIntegralNumber() || n.longValue() < 0) {
                throw StatesFailure.detected(ErrorNames.RUNTIME,
                        "The SecondsPath parameter does not reference a valid integer value: " + s.secondsPath());
            }
            wait = Duration.ofSeconds(n.longValue());
        } else {
            Instant until = s.timestamp();
            if (until == null) {
                JsonNode t = read(s.timestampPath(), effective, ctx);
                until = t.isTextual() ? Condition.parseTimestamp(t.textValue()) : null;
                if (until == null) {
                    throw StatesFailure.detected(ErrorNames.RUNTIME, "The TimestampPath parameter does not reference "
                            + "a valid ISO-8601 extended offset date-time format string: " + s.timestampPath());
                }
            }
            wait = Duration.between(services.clock().now(), until);
        }
        sleep(wait, v.flow);
        JsonNode output = applyPath(s.outputPath(), effective, ctx);
        v.exited(HistoryEventType.WaitStateExited, output);
        return new Step(s.next(), output);
    }

    private static JsonNode read(String path, JsonNode data, Supplier<JsonNode> ctx) {
        try {
            return JsonPaths.read(path, data, ctx);
        } catch (JsonPaths.PathMissingException e) {
            throw StatesFailure.detected(ErrorNames.RUNTIME, "Invalid path '" + path + "' : " + e.getMessage());
        }
    }

    private Step succeed(Visit v, Model.Succeed s, JsonNode raw) {
        Supplier<JsonNode> ctx = v.context();
        JsonNode output = applyPath(s.outputPath(), applyPath(s.inputPath(), raw, ctx), ctx);
        v.exited(HistoryEventType.SucceedStateExited, output);
        return new Step(null, output);
    }

    private Step fail(Visit v, Model.Fail s, JsonNode raw) {
        String error = s.error();
        String cause = s.cause();
        if (s.errorPath() != null) {
            error = text(s.errorPath().evaluate(raw, v.context()), "ErrorPath");
        }
        if (s.causePath() != null) {
            cause = text(s.causePath().evaluate(raw, v.context()), "CausePath");
        }
        throw new StatesFailure(error, cause, false);
    }

    private static String text(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw StatesFailure.detected(ErrorNames.RUNTIME, "The value of " + field + " must be a string, got "
                    + Json.compact(value));
        }
        return value.textValue();
    }
}

package com.paysaga.asl.internal.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.internal.choice.Condition;
import com.paysaga.asl.internal.path.PayloadTemplate;
import com.paysaga.asl.internal.path.ReferencePath;

/** The validated, compiled form of a definition: what the interpreter walks. */
public final class Model {

    private Model() {
    }

    /** A state machine, a Parallel branch or a Map item processor. */
    public record Machine(String startAt, Map<String, State> states, Integer timeoutSeconds, String pointer) {
        public State state(String name) {
            return states.get(name);
        }
    }

    /** {@code InputPath} / {@code OutputPath}: absent means {@code $}, JSON null means {@code {}}. */
    public record IoPath(String path, boolean isNull) {
        public static final IoPath ROOT = new IoPath("$", false);
        public static final IoPath NULL = new IoPath(null, true);

        public boolean isRoot() {
            return !isNull && "$".equals(path);
        }
    }

    /** {@code ResultPath}: absent means {@code $} (the result replaces the input), null discards the result. */
    public record ResultPathSpec(ReferencePath path, boolean discard) {
        public static final ResultPathSpec ROOT = new ResultPathSpec(ReferencePath.parse("$").orElseThrow(), false);
        public static final ResultPathSpec DISCARD = new ResultPathSpec(null, true);
    }

    /** A number given literally or through a reference path ({@code TimeoutSeconds} / {@code TimeoutSecondsPath}, …). */
    public record NumberSpec(Double value, String path, String field) {
        public static NumberSpec of(double v, String field) {
            return new NumberSpec(v, null, field);
        }
    }

    public enum Jitter { FULL, NONE }

    public record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
            Integer maxDelaySeconds, Jitter jitter) {
    }

    public record Catcher(List<String> errorEquals, String next, ResultPathSpec resultPath) {
    }

    public sealed interface State permits Pass, Task, Choice, Wait, Succeed, Fail, Parallel, MapState {
        String name();

        /** The next state, null for a terminal state or a Choice. */
        String next();

        String pointer();
    }

    public record Pass(String name, String next, String pointer, IoPath inputPath, IoPath outputPath,
            PayloadTemplate parameters, JsonNode result, ResultPathSpec resultPath) implements State {
    }

    public record Task(String name, String next, String pointer, IoPath inputPath, IoPath outputPath,
            PayloadTemplate parameters, PayloadTemplate resultSelector, ResultPathSpec resultPath, String resource,
            NumberSpec timeout, NumberSpec heartbeat, List<Retrier> retry, List<Catcher> catchers) implements State {
    }

    public record ChoiceRule(Condition condition, String next) {
    }

    public record Choice(String name, String pointer, IoPath inputPath, IoPath outputPath, List<ChoiceRule> choices,
            String defaultNext) implements State {
        @Override
        public String next() {
            return null;
        }
    }

    /** Exactly one of the four is set. */
    public record Wait(String name, String next, String pointer, IoPath inputPath, IoPath outputPath, Long seconds,
            String secondsPath, Instant timestamp, String timestampPath) implements State {
    }

    public record Succeed(String name, String pointer, IoPath inputPath, IoPath outputPath) implements State {
        @Override
        public String next() {
            return null;
        }
    }

    /** {@code errorPath} / {@code causePath} hold a path or an intrinsic call (compiled as a one-field template). */
    public record Fail(String name, String pointer, String error, PayloadTemplate errorPath, String cause,
            PayloadTemplate causePath) implements State {
        @Override
        public String next() {
            return null;
        }
    }

    public record Parallel(String name, String next, String pointer, IoPath inputPath, IoPath outputPath,
            PayloadTemplate parameters, PayloadTemplate resultSelector, ResultPathSpec resultPath, List<Machine> branches,
            List<Retrier> retry, List<Catcher> catchers) implements State {
    }

    public enum ProcessorMode { INLINE, DISTRIBUTED }

    public record ItemReaderSpec(String resource, PayloadTemplate parameters, JsonNode readerConfig,
            NumberSpec maxItems) {
    }

    public record ItemBatcherSpec(NumberSpec maxItemsPerBatch, NumberSpec maxInputBytesPerBatch,
            PayloadTemplate batchInput) {
    }

    public record MapState(String name, String next, String pointer, IoPath inputPath, IoPath outputPath,
            String itemsPath, PayloadTemplate itemSelector, PayloadTemplate resultSelector, ResultPathSpec resultPath,
            Machine processor, ProcessorMode mode, String executionType, NumberSpec maxConcurrency,
            NumberSpec toleratedFailureCount, NumberSpec toleratedFailurePercentage, ItemReaderSpec itemReader,
            ItemBatcherSpec itemBatcher, String label, List<Retrier> retry, List<Catcher> catchers) implements State {
    }
}

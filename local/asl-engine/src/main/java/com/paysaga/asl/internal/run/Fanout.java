package com.paysaga.asl.internal.run;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.ErrorNames;
import com.paysaga.asl.ExecutionResult;
import com.paysaga.asl.ExecutionStatus;
import com.paysaga.asl.history.HistoryEvent;
import com.paysaga.asl.history.HistoryEventType;
import com.paysaga.asl.internal.json.Json;
import com.paysaga.asl.internal.model.Model;
import com.paysaga.asl.internal.path.JsonPaths;
import com.paysaga.asl.internal.path.PayloadTemplate;
import com.paysaga.asl.map.ItemReader;
import com.paysaga.asl.task.TaskFailedException;

/**
 * Parallel and Map: units of work (branches, iterations, child workflow executions) run
 * concurrently on virtual threads, at most {@code limit} at a time, and their results are
 * collected by index so that the output keeps branch / item order whatever the timing. The first
 * failure (or, with a tolerated failure threshold, the failure that exceeds it) stops the others.
 */
final class Fanout {

    /** Inline Map runs at most 40 iterations at once on the service, whatever MaxConcurrency allows. */
    private static final int INLINE_CONCURRENCY = 40;
    private static final int DISTRIBUTED_DEFAULT_CONCURRENCY = 1_000;

    private final Interpreter in;

    Fanout(Interpreter in) {
        this.in = in;
    }

    @FunctionalInterface
    private interface Work {
        JsonNode run(int index, Interpreter.Flow flow);
    }

    /** History events of a unit, recorded on the unit's own cursor. */
    private interface UnitEvents {
        void started(int index, Cursor c);

        void succeeded(int index, Cursor c);

        void failed(int index, Cursor c);

        void aborted(int index, Cursor c);
    }

    private static final UnitEvents NO_EVENTS = new UnitEvents() {
        @Override
        public void started(int index, Cursor c) {
        }

        @Override
        public void succeeded(int index, Cursor c) {
        }

        @Override
        public void failed(int index, Cursor c) {
        }

        @Override
        public void aborted(int index, Cursor c) {
        }
    };

    /** ToleratedFailureCount / ToleratedFailurePercentage; both null means none tolerated. */
    private record Tolerance(Double count, Double percentage) {
        boolean exceeded(int failed, int total) {
            if (count == null && percentage == null) {
                return failed > 0;
            }
            boolean overCount = count != null && failed > count;
            boolean overPercentage = percentage != null && total > 0 && failed * 100.0 / total > percentage;
            return overCount || overPercentage;
        }
    }

    // ---- Parallel ----------------------------------------------------------------------------

    Interpreter.Step parallel(Interpreter.Visit v, Model.Parallel s, JsonNode raw) {
        JsonNode effective = Interpreter.applyPath(s.inputPath(), raw, v.context());
        boolean[] started = {false};
        Runnable onGiveUp = () -> {
            if (started[0]) {
                v.emit(HistoryEventType.ParallelStateFailed, null);
            }
        };
        return in.retrying(v, s.retry(), s.catchers(), raw, HistoryEventType.ParallelStateExited, onGiveUp, () -> {
            started[0] = false;
            JsonNode input = s.parameters() == null ? effective : s.parameters().evaluate(effective, v.context());
            HistoryEvent start = v.emit(HistoryEventType.ParallelStateStarted, null);
            started[0] = true;
            List<Model.Machine> branches = s.branches();
            JsonNode[] outputs = fork(v, branches.size(), branches.size(), start.id(), null, false, NO_EVENTS,
                    (i, flow) -> in.runMachine(branches.get(i), input, flow));
            v.emit(HistoryEventType.ParallelStateSucceeded, null);
            ArrayNode result = Json.NODES.arrayNode(outputs.length);
            for (JsonNode o : outputs) {
                result.add(o);
            }
            return finish(v, raw, s.resultSelector(), s.resultPath(), s.outputPath(), result, s.next(),
                    HistoryEventType.ParallelStateExited);
        });
    }

    private Interpreter.Step finish(Interpreter.Visit v, JsonNode raw, PayloadTemplate selector,
            Model.ResultPathSpec resultPath, Model.IoPath outputPath, JsonNode result, String next,
            HistoryEventType exited) {
        JsonNode selected = selector == null ? result : selector.evaluate(result, v.context());
        JsonNode output = Interpreter.applyPath(outputPath, Interpreter.applyResultPath(resultPath, raw, selected),
                v.context());
        v.exited(exited, output);
        return new Interpreter.Step(next, output);
    }

    // ---- Map -----------------------------------------------------------------------------------

    Interpreter.Step map(Interpreter.Visit v, Model.MapState s, JsonNode raw) {
        JsonNode effective = Interpreter.applyPath(s.inputPath(), raw, v.context());
        boolean[] started = {false};
        Runnable onGiveUp = () -> {
            if (started[0]) {
                v.emit(HistoryEventType.MapStateFailed, null);
            }
        };
        return in.retrying(v, s.retry(), s.catchers(), raw, HistoryEventType.MapStateExited, onGiveUp, () -> {
            started[0] = false;
            Supplier<JsonNode> ctx = v.context();
            Double concurrency = Interpreter.number(s.maxConcurrency(), effective, ctx, true);
            Double count = Interpreter.number(s.toleratedFailureCount(), effective, ctx, true);
            Double percentage = Interpreter.number(s.toleratedFailurePercentage(), effective, ctx, false);
            if (percentage != null && percentage > 100) {
                throw StatesFailure.detected(ErrorNames.RUNTIME,
                        "ToleratedFailurePercentage must be between 0 and 100, got " + percentage);
            }
            JsonNode result = s.mode() == Model.ProcessorMode.DISTRIBUTED
                    ? distributed(v, s, effective, concurrency, new Tolerance(count, percentage), started)
                    : inline(v, s, effective, concurrency, count == null && percentage == null ? null
                            : new Tolerance(count, percentage), started);
            return finish(v, raw, s.resultSelector(), s.resultPath(), s.outputPath(), result, s.next(),
                    HistoryEventType.MapStateExited);
        });
    }

    private List<JsonNode> itemsAt(Model.MapState s, JsonNode effective, Supplier<JsonNode> ctx) {
        JsonNode items;
        try {
            items = JsonPaths.read(s.itemsPath(), effective, ctx);
        } catch (JsonPaths.PathMissingException e) {
            throw StatesFailure.detected(ErrorNames.RUNTIME, "Invalid path '" + s.itemsPath() + "' : " + e.getMessage());
        }
        if (!items.isArray()) {
            throw StatesFailure.detected(ErrorNames.RUNTIME, "Invalid path '" + s.itemsPath()
                    + "' : The Map state's ItemsPath must select a JSON array, got " + Json.compact(items));
        }
        List<JsonNode> list = new ArrayList<>(items.size());
        items.forEach(list::add);
        return list;
    }

    private JsonNode inline(Interpreter.Visit v, Model.MapState s, JsonNode effective, Double concurrency,
            Tolerance tolerance, boolean[] started) {
        List<JsonNode> items = itemsAt(s, effective, v.context());
        ObjectNode startedDetails = Json.object().put("length", items.size());
        HistoryEvent start = v.emit(HistoryEventType.MapStateStarted, startedDetails);
        started[0] = true;
        int limit = concurrency == null || concurrency == 0 ? INLINE_CONCURRENCY
                : (int) Math.min(concurrency, INLINE_CONCURRENCY);
        UnitEvents events = new UnitEvents() {
            private void emit(HistoryEventType type, int index, Cursor c) {
                c.emit(type, Json.object().put("name", s.name()).put("index", index));
            }

            @Override
            public void started(int index, Cursor c) {
                emit(HistoryEventType.MapIterationStarted, index, c);
            }

            @Override
            public void succeeded(int index, Cursor c) {
                emit(HistoryEventType.MapIterationSucceeded, index, c);
            }

            @Override
            public void failed(int index, Cursor c) {
                emit(HistoryEventType.MapIterationFailed, index, c);
            }

            @Override
            public void aborted(int index, Cursor c) {
                emit(HistoryEventType.MapIterationAborted, index, c);
            }
        };
        JsonNode[] outputs = fork(v, items.size(), limit, start.id(), tolerance, false, events, (i, flow) -> {
            JsonNode item = items.get(i);
            JsonNode input = s.itemSelector() == null ? item
                    : s.itemSelector().evaluate(effective, v.mapItemContext(i, item));
            return in.runMachine(s.processor(), input, flow);
        });
        v.emit(HistoryEventType.MapStateSucceeded, null);
        return array(outputs);
    }

    private JsonNode distributed(Interpreter.Visit v, Model.MapState s, JsonNode effective, Double concurrency,
            Tolerance tolerance, boolean[] started) {
        Supplier<JsonNode> ctx = v.context();
        List<JsonNode> items = s.itemReader() == null ? itemsAt(s, effective, ctx) : null;
        HistoryEvent start = v.emit(HistoryEventType.MapStateStarted,
                Json.object().put("length", items == null ? 0 : items.size()));
        started[0] = true;
        String label = s.label() != null ? s.label() : UUID.randomUUID().toString().substring(0, 8);
        String runId = UUID.randomUUID().toString();
        ExecutionRun parent = in.run;
        String prefix = "arn:aws:states:" + in.services.region() + ":" + in.services.accountId() + ":";
        String mapRunArn = prefix + "mapRun:" + parent.stateMachineName() + "/" + label + ":" + runId;
        v.emit(HistoryEventType.MapRunStarted, Json.object().put("mapRunArn", mapRunArn));
        try {
            if (items == null) {
                items = read(s.itemReader(), effective, ctx, v.flow);
            }
            List<JsonNode> inputs = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                inputs.add(s.itemSelector() == null ? item
                        : s.itemSelector().evaluate(effective, v.mapItemContext(i, item)));
            }
            if (s.itemBatcher() != null) {
                inputs = batch(s.itemBatcher(), inputs, effective, ctx);
            }
            int limit = concurrency == null || concurrency == 0 ? DISTRIBUTED_DEFAULT_CONCURRENCY
                    : concurrency.intValue();
            List<JsonNode> childInputs = inputs;
            JsonNode[] outputs = fork(v, childInputs.size(), limit, start.id(), tolerance, true, NO_EVENTS,
                    (i, flow) -> {
                String name = UUID.randomUUID().toString();
                ExecutionRun child = new ExecutionRun(in.services, s.processor(),
                        prefix + "execution:" + parent.stateMachineName() + "/" + label + ":" + name, name,
                        parent.stateMachineArn() + "/" + label, parent.stateMachineName() + "/" + label,
                        childInputs.get(i), flow.scope());
                parent.children().add(child);
                ExecutionResult r = ExecutionDriver.drive(child);
                if (r.status() == ExecutionStatus.SUCCEEDED) {
                    return r.output();
                }
                if (r.status() == ExecutionStatus.ABORTED && flow.scope().isStopped()) {
                    throw flow.scope().stopped();
                }
                throw new StatesFailure(r.error(), r.cause(), false);
            });
            v.emit(HistoryEventType.MapRunSucceeded, null);
            v.emit(HistoryEventType.MapStateSucceeded, null);
            return array(outputs);
        } catch (StatesFailure f) {
            StatesFailure q = v.qualify(f);
            ObjectNode d = Json.object();
            if (q.error() != null) {
                d.put("error", q.error());
            }
            if (q.cause() != null) {
                d.put("cause", q.cause());
            }
            v.emit(HistoryEventType.MapRunFailed, d);
            throw q;
        } catch (FlowStopped stopped) {
            v.emit(HistoryEventType.MapRunAborted, null);
            throw stopped;
        }
    }

    private List<JsonNode> read(Model.ItemReaderSpec spec, JsonNode effective, Supplier<JsonNode> ctx,
            Interpreter.Flow flow) {
        JsonNode parameters = spec.parameters() == null ? Json.object() : spec.parameters().evaluate(effective, ctx);
        ItemReader reader = in.services.itemReaderFor(spec.resource()).orElseThrow(() -> new StatesFailure(
                ErrorNames.ITEM_READER_FAILED, "No item reader is configured for resource '" + spec.resource()
                        + "' in this runtime", false));
        List<JsonNode> items;
        try {
            items = reader.read(spec.resource(), parameters, spec.readerConfig());
        } catch (TaskFailedException e) {
            throw new StatesFailure(ErrorNames.ITEM_READER_FAILED, e.error() + ": " + e.cause(), false);
        } catch (InterruptedException e) {
            throw flow.scope().stopped();
        } catch (RuntimeException e) {
            throw new StatesFailure(ErrorNames.ITEM_READER_FAILED, String.valueOf(e.getMessage()), false);
        }
        Double max = Interpreter.number(spec.maxItems(), effective, ctx, true);
        if (max != null && max > 0 && items.size() > max) {
            items = items.subList(0, max.intValue());
        }
        return items;
    }

    /**
     * ItemBatcher: groups items into {@code {"BatchInput": …, "Items": [...]}} child inputs of at
     * most MaxItemsPerBatch items and at most MaxInputBytesPerBatch bytes of JSON; an item larger
     * than the byte limit on its own travels alone.
     */
    private List<JsonNode> batch(Model.ItemBatcherSpec spec, List<JsonNode> items, JsonNode effective,
            Supplier<JsonNode> ctx) {
        Double maxItems = Interpreter.number(spec.maxItemsPerBatch(), effective, ctx, true);
        Double maxBytes = Interpreter.number(spec.maxInputBytesPerBatch(), effective, ctx, true);
        JsonNode batchInput = spec.batchInput() == null ? null : spec.batchInput().evaluate(effective, ctx);
        int itemLimit = maxItems == null || maxItems < 1 ? Integer.MAX_VALUE : maxItems.intValue();
        long byteLimit = maxBytes == null || maxBytes < 1 ? Long.MAX_VALUE : maxBytes.longValue();
        long overhead = Json.compact(batchEnvelope(batchInput, Json.NODES.arrayNode())).length();
        List<JsonNode> batches = new ArrayList<>();
        ArrayNode current = Json.NODES.arrayNode();
        long size = overhead;
        for (JsonNode item : items) {
            long itemBytes = Json.compact(item).length() + (current.isEmpty() ? 0 : 1);
            if (!current.isEmpty() && (current.size() >= itemLimit || size + itemBytes > byteLimit)) {
                batches.add(batchEnvelope(batchInput, current));
                current = Json.NODES.arrayNode();
                size = overhead;
                itemBytes = Json.compact(item).length();
            }
            current.add(item);
            size += itemBytes;
        }
        if (!current.isEmpty()) {
            batches.add(batchEnvelope(batchInput, current));
        }
        return batches;
    }

    private static ObjectNode batchEnvelope(JsonNode batchInput, ArrayNode items) {
        ObjectNode envelope = Json.object();
        if (batchInput != null) {
            envelope.set("BatchInput", batchInput);
        }
        envelope.set("Items", items);
        return envelope;
    }

    private static ArrayNode array(JsonNode[] outputs) {
        ArrayNode result = Json.NODES.arrayNode(outputs.length);
        for (JsonNode o : outputs) {
            result.add(o);
        }
        return result;
    }

    // ---- the concurrent core -------------------------------------------------------------------

    /**
     * Runs {@code n} units with at most {@code limit} at once and returns their outputs by index.
     * Without a tolerance the first failure stops the other units and is rethrown as is; with one,
     * a failed unit's output is its error object and the run fails with
     * States.ExceedToleratedFailureThreshold once the threshold is exceeded.
     */
    private JsonNode[] fork(Interpreter.Visit v, int n, int limit, long startEventId, Tolerance tolerance,
            boolean childExecutions, UnitEvents events, Work work) {
        JsonNode[] outputs = new JsonNode[n];
        if (n == 0) {
            return outputs;
        }
        Scope group = v.flow.scope().child();
        EventLog log = v.flow.cursor().log();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<StatesFailure> fatal = new AtomicReference<>();
        AtomicLong lastEvent = new AtomicLong(startEventId);
        int workers = Math.max(1, Math.min(n, limit));
        List<Thread> threads = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofVirtual().name("asl-" + v.state.name() + "-" + w).start(() -> {
                while (!group.isStopped()) {
                    int i = next.getAndIncrement();
                    if (i >= n) {
                        break;
                    }
                    Scope unit = group.child();
                    Cursor cursor = new Cursor(log, startEventId);
                    unit.enter();
                    try {
                        events.started(i, cursor);
                        outputs[i] = work.run(i, new Interpreter.Flow(unit, cursor));
                        events.succeeded(i, cursor);
                    } catch (StatesFailure f) {
                        events.failed(i, cursor);
                        // A terminal error inside an iteration (States.Runtime) is never tolerated;
                        // a failed child execution of a Distributed Map is just a failed item.
                        if (tolerance == null || (ErrorNames.isTerminal(f.error()) && !childExecutions)) {
                            fatal.compareAndSet(null, f);
                            group.cancel(new Stop(Stop.Kind.SIBLING_FAILED, null, null));
                        } else {
                            ObjectNode errorOutput = Json.object();
                            errorOutput.put("Error", f.error() == null ? "" : f.error());
                            errorOutput.put("Cause", f.cause() == null ? "" : f.cause());
                            outputs[i] = errorOutput;
                            int k = failed.incrementAndGet();
                            if (tolerance.exceeded(k, n)) {
                                fatal.compareAndSet(null, new StatesFailure(
                                        ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                                        "The specified tolerated failure threshold was exceeded: " + k + " of " + n
                                                + " item(s) failed (ToleratedFailureCount "
                                                + (tolerance.count() == null ? "none" : tolerance.count().longValue())
                                                + ", ToleratedFailurePercentage "
                                                + (tolerance.percentage() == null ? "none" : tolerance.percentage())
                                                + ")", false));
                                group.cancel(new Stop(Stop.Kind.SIBLING_FAILED, null, null));
                            }
                        }
                    } catch (FlowStopped stopped) {
                        events.aborted(i, cursor);
                    } catch (RuntimeException e) {
                        fatal.compareAndSet(null, new StatesFailure(ErrorNames.RUNTIME,
                                "Internal error of the local ASL engine: " + e, false));
                        group.cancel(new Stop(Stop.Kind.SIBLING_FAILED, null, null));
                    } finally {
                        unit.leave();
                        Thread.interrupted();
                        unit.close();
                        lastEvent.accumulateAndGet(cursor.last(), Math::max);
                    }
                }
            }));
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    Stop stop = v.flow.scope().stop();
                    group.cancel(stop != null ? stop : new Stop(Stop.Kind.ABORTED, null, null));
                }
            }
        }
        group.close();
        v.flow.cursor().advanceTo(lastEvent.get());
        if (interrupted || v.flow.scope().isStopped()) {
            throw v.flow.scope().stopped();
        }
        StatesFailure f = fatal.get();
        if (f != null) {
            throw f;
        }
        return outputs;
    }
}

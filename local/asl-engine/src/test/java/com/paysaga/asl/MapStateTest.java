package com.paysaga.asl;

import static com.paysaga.asl.Asl.json;
import static com.paysaga.asl.Asl.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.history.HistoryEvent;
import com.paysaga.asl.history.HistoryEventType;
import com.paysaga.asl.task.TaskFailedException;

/** Map, inline and distributed (developer guide, "Map workflow state", "Distributed mode"). */
class MapStateTest {

    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:item";

    /** An item processor that fails the item when {@code fail} is true, else returns {@code n * 10} via Pass. */
    private static final String PROCESSOR = """
            {"StartAt":"Check","States":{
              "Check":{"Type":"Choice","Choices":[{"Variable":"$.fail","BooleanEquals":true,"Next":"Broken"}],"Default":"Ok"},
              "Broken":{"Type":"Fail","Error":"ItemBroken","Cause":"item said so"},
              "Ok":{"Type":"Pass","Parameters":{"v.$":"$.n"},"End":true}}}""";

    private static String inlineMap(String fields) {
        return """
                {"StartAt":"M","States":{"M":{"Type":"Map",%s"ItemProcessor":%s,"End":true}}}"""
                .formatted(fields.isEmpty() ? "" : fields + ",", PROCESSOR);
    }

    private static String items(boolean... fails) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < fails.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"n\":").append(i).append(",\"fail\":").append(fails[i]).append('}');
        }
        return sb.append(']').toString();
    }

    @Test
    void itemsPathSelectsTheArrayAndItemSelectorShapesEachItem() {
        String def = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.detail.items",
                  "ItemSelector":{"item.$":"$$.Map.Item.Value","index.$":"$$.Map.Item.Index","shipping.$":"$.detail.shipping"},
                  "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
                  "ResultPath":"$.detail.processed","End":true}}}""";
        JsonNode out = Asl.output(def, "{\"detail\":{\"shipping\":\"express\",\"items\":[\"a\",\"b\"]}}");
        assertThat(out.at("/detail/processed")).isEqualTo(json("""
                [{"item":"a","index":0,"shipping":"express"},{"item":"b","index":1,"shipping":"express"}]"""));
    }

    @Test
    void iterationsRunConcurrentlyAndResultsKeepItemOrder() {
        int n = 12;
        CountDownLatch allRunning = new CountDownLatch(n);
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            allRunning.countDown();
            if (!allRunning.await(10, TimeUnit.SECONDS)) {
                throw new TaskFailedException("NotConcurrent", "iterations did not overlap");
            }
            return json(String.valueOf(payload.asInt() * 10));
        }).build();
        String def = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"%s","End":true}}},"End":true}}}""".formatted(FN);
        StringBuilder input = new StringBuilder("[");
        StringBuilder expected = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            input.append(i == 0 ? "" : ",").append(i);
            expected.append(i == 0 ? "" : ",").append(i * 10);
        }
        ExecutionResult r = run(engine, def, input.append(']').toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(json(expected.append(']').toString()));
    }

    @Test
    void maxConcurrencyBoundsHowManyIterationsRunAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch twoAtOnce = new CountDownLatch(2);
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            int now = running.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            twoAtOnce.countDown();
            twoAtOnce.await(10, TimeUnit.SECONDS);
            running.decrementAndGet();
            return payload;
        }).build();
        String def = """
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrencyPath":"$.limit","ItemsPath":"$.items",
                  "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}},"End":true}}}"""
                .formatted(FN);
        ExecutionResult r = run(engine, def, "{\"limit\":2,\"items\":[1,2,3,4,5,6,7,8]}");
        assertThat(r.output()).isEqualTo(json("[1,2,3,4,5,6,7,8]"));
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void aFailingIterationFailsTheMapWithItsOwnError() {
        Execution e = Asl.start(Asl.engine().build(), inlineMap(""), items(false, true, false));
        ExecutionResult r = Asl.finish(e);
        assertThat(r.error()).isEqualTo("ItemBroken");
        assertThat(r.cause()).isEqualTo("item said so");
        assertThat(Asl.types(e)).contains(HistoryEventType.MapIterationFailed, HistoryEventType.MapStateFailed);
    }

    @Test
    void toleratedFailureCountLetsTheMapSucceedWithTheFailedItemsErrors() {
        ExecutionResult r = run(inlineMap("\"ToleratedFailureCount\":1"), items(false, true, false));
        assertThat(r.status()).as(r.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(json("""
                [{"v":0},{"Error":"ItemBroken","Cause":"item said so"},{"v":2}]"""));
    }

    @Test
    void exceedingToleratedFailureCountFailsWithExceedToleratedFailureThreshold() {
        ExecutionResult r = run(inlineMap("\"ToleratedFailureCount\":1"), items(true, true, false));
        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void toleratedFailurePercentageIsAThresholdThatMayBeReachedButNotExceeded() {
        assertThat(run(inlineMap("\"ToleratedFailurePercentage\":50"), items(true, true, false, false)).status())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run(inlineMap("\"ToleratedFailurePercentage\":50"), items(true, true, true, false)).error())
                .isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(run(inlineMap("\"ToleratedFailurePercentagePath\":\"$$.Execution.Input[4].pct\""),
                "[{\"n\":0,\"fail\":true},{\"n\":1,\"fail\":false},{\"n\":2,\"fail\":false},{\"n\":3,\"fail\":false},{\"pct\":25,\"n\":4,\"fail\":false}]")
                .status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void aRuntimeErrorInAnIterationIsNeverTolerated() {
        String def = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailurePercentage":100,
                  "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.missing","End":true}}},"End":true}}}""";
        ExecutionResult r = run(def, "[{}]");
        assertThat(r.error()).isEqualTo("States.Runtime");
    }

    @Test
    void mapEventsRecordLengthAndEveryIteration() {
        Execution e = Asl.start(Asl.engine().build(), inlineMap(""), items(false, false));
        Asl.finish(e);
        HistoryEvent started = e.history().stream().filter(h -> h.type() == HistoryEventType.MapStateStarted)
                .findFirst().orElseThrow();
        assertThat(started.details().get("length").asInt()).isEqualTo(2);
        assertThat(e.history()).filteredOn(h -> h.type() == HistoryEventType.MapIterationStarted)
                .extracting(h -> h.details().get("index").asInt()).containsExactlyInAnyOrder(0, 1);
        assertThat(e.history()).filteredOn(h -> h.type() == HistoryEventType.MapIterationSucceeded)
                .allSatisfy(h -> assertThat(h.details().get("name").asText()).isEqualTo("M")).hasSize(2);
        assertThat(Asl.types(e)).containsSubsequence(HistoryEventType.MapStateEntered, HistoryEventType.MapStateStarted,
                HistoryEventType.MapStateSucceeded, HistoryEventType.MapStateExited, HistoryEventType.ExecutionSucceeded);
    }

    @Test
    void itemsPathThatIsNotAnArrayIsARuntimeError() {
        ExecutionResult r = run(inlineMap("\"ItemsPath\":\"$.x\""), "{\"x\":{}}");
        assertThat(r.error()).isEqualTo("States.Runtime");
    }

    @Test
    void theLegacyIteratorAndParametersFieldsStillWork() {
        String def = """
                {"StartAt":"M","States":{"M":{"Type":"Map","Parameters":{"x.$":"$$.Map.Item.Value"},
                  "Iterator":{"StartAt":"P","States":{"P":{"Type":"Pass","OutputPath":"$.x","End":true}}},"End":true}}}""";
        assertThat(Asl.output(def, "[3,4]")).isEqualTo(json("[3,4]"));
    }

    // ---- distributed mode ---------------------------------------------------------------------------

    /** A Distributed Map whose item processor is {@code processor} (a machine with StartAt and States). */
    private static String distributed(String fields, String processor) {
        String body = processor.strip();
        return """
                {"StartAt":"M","States":{"M":{"Type":"Map",%s
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},%s},"End":true}}}"""
                .formatted(fields.isEmpty() ? "" : fields + ",", body.substring(1, body.length() - 1));
    }

    private static AslEngine s3(String bucket, String key, String content, List<String> reads) {
        return Asl.engine().s3ObjectReader((b, k, version) -> {
            reads.add(b + "/" + k);
            if (!b.equals(bucket) || !k.equals(key)) {
                throw new IOException("NoSuchKey: " + b + "/" + k);
            }
            return content.getBytes(StandardCharsets.UTF_8);
        }).build();
    }

    @Test
    void aDistributedMapReadsItsItemsFromAJsonArrayInS3() {
        List<String> reads = new CopyOnWriteArrayList<>();
        AslEngine engine = s3("staging", "f1/manifest.json", items(false, false, false), reads);
        String def = distributed("""
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},
                              "Parameters":{"Bucket.$":"$.bucket","Key":"f1/manifest.json"}},
                "ItemSelector":{"n.$":"$$.Map.Item.Value.n","fail":false,"file.$":"$.file"}""", PROCESSOR);
        Execution e = Asl.start(engine, def, "{\"bucket\":\"staging\",\"file\":\"f1\"}");
        ExecutionResult r = Asl.finish(e);
        assertThat(r.status()).as(r.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(json("[{\"v\":0},{\"v\":1},{\"v\":2}]"));
        assertThat(reads).containsExactly("staging/f1/manifest.json");
        assertThat(Asl.types(e)).containsSubsequence(HistoryEventType.MapStateEntered, HistoryEventType.MapStateStarted,
                HistoryEventType.MapRunStarted, HistoryEventType.MapRunSucceeded, HistoryEventType.MapStateSucceeded,
                HistoryEventType.MapStateExited);
        assertThat(e.history()).filteredOn(h -> h.type() == HistoryEventType.MapRunStarted).singleElement()
                .satisfies(h -> assertThat(h.details().get("mapRunArn").asText())
                        .startsWith("arn:aws:states:us-east-1:123456789012:mapRun:StateMachine/"));
        assertThat(e.childExecutions()).hasSize(3).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(c.history().getFirst().type()).isEqualTo(HistoryEventType.ExecutionStarted);
        });
    }

    @Test
    void maxItemsLimitsHowManyItemsAreRead() {
        AslEngine engine = s3("b", "k", items(false, false, false, false), new CopyOnWriteArrayList<>());
        String def = distributed("""
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","MaxItems":2},
                              "Parameters":{"Bucket":"b","Key":"k"}}""", PROCESSOR);
        assertThat(run(engine, def, "{}").output()).isEqualTo(json("[{\"v\":0},{\"v\":1}]"));
    }

    @Test
    void aFailedChildFailsTheDistributedMapWithExceedToleratedFailureThreshold() {
        AslEngine engine = s3("b", "k", items(false, true), new CopyOnWriteArrayList<>());
        String def = distributed("""
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b","Key":"k"}}""", PROCESSOR);
        Execution e = Asl.start(engine, def, "{}");
        ExecutionResult r = Asl.finish(e);
        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(Asl.types(e)).contains(HistoryEventType.MapRunFailed, HistoryEventType.MapStateFailed);
        assertThat(e.childExecutions()).anySatisfy(c -> assertThat(c.status()).isEqualTo(ExecutionStatus.FAILED));
    }

    @Test
    void aDistributedMapWithinItsToleranceSucceeds() {
        AslEngine engine = s3("b", "k", items(false, true, false, false), new CopyOnWriteArrayList<>());
        String def = distributed("""
                "ToleratedFailurePercentage":25,
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b","Key":"k"}}""", PROCESSOR);
        ExecutionResult r = run(engine, def, "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output().get(1).get("Error").asText()).isEqualTo("ItemBroken");
    }

    @Test
    void anUnreadableObjectFailsWithItemReaderFailed() {
        AslEngine engine = s3("b", "k", "[]", new CopyOnWriteArrayList<>());
        String def = """
                {"StartAt":"M","States":{
                  "M":{"Type":"Map","Next":"Done",
                    "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b","Key":"missing"}},
                    "Catch":[{"ErrorEquals":["States.ItemReaderFailed"],"ResultPath":"$.e","Next":"Done"}],
                    "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                      "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}},
                  "Done":{"Type":"Pass","End":true}}}""";
        ExecutionResult r = run(engine, def, "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output().at("/e/Error").asText()).isEqualTo("States.ItemReaderFailed");
        assertThat(r.output().at("/e/Cause").asText()).contains("NoSuchKey");
    }

    @Test
    void anObjectThatIsNotAJsonArrayFailsWithItemReaderFailed() {
        AslEngine engine = s3("b", "k", "{\"not\":\"an array\"}", new CopyOnWriteArrayList<>());
        String def = distributed("""
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b","Key":"k"}}""", PROCESSOR);
        assertThat(run(engine, def, "{}").error()).isEqualTo("States.ItemReaderFailed");
    }

    @Test
    void theItemBatcherGroupsItemsWithTheBatchInput() {
        List<JsonNode> childInputs = new CopyOnWriteArrayList<>();
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            childInputs.add(payload);
            return json(String.valueOf(payload.get("Items").size()));
        }).build();
        String def = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",
                  "ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"file.$":"$.file"}},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                    "StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}},"End":true}}}""".formatted(FN);
        ExecutionResult r = run(engine, def, "{\"file\":\"f\",\"items\":[1,2,3,4,5]}");
        assertThat(r.output()).isEqualTo(json("[2,2,1]"));
        assertThat(childInputs).contains(json("{\"BatchInput\":{\"file\":\"f\"},\"Items\":[1,2]}"),
                json("{\"BatchInput\":{\"file\":\"f\"},\"Items\":[5]}"));
    }

    @Test
    void maxInputBytesPerBatchKeepsEachBatchUnderTheLimit() {
        List<JsonNode> childInputs = new CopyOnWriteArrayList<>();
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            childInputs.add(payload);
            return payload;
        }).build();
        String def = """
                {"StartAt":"M","States":{"M":{"Type":"Map",
                  "ItemBatcher":{"MaxInputBytesPerBatch":40},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                    "StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}},"End":true}}}""".formatted(FN);
        ExecutionResult r = run(engine, def, "[\"aaaaaaaaaa\",\"bbbbbbbbbb\",\"cccccccccc\",\"dddddddddd\"]");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(childInputs).allSatisfy(in -> assertThat(com.paysaga.asl.internal.json.Json.compact(in).length())
                .isLessThanOrEqualTo(40));
        assertThat(childInputs.stream().mapToInt(in -> in.get("Items").size()).sum()).isEqualTo(4);
        assertThat(childInputs).hasSizeGreaterThan(1);
    }

    @Test
    void distributedChildrenRunConcurrently() {
        int n = 6;
        CountDownLatch allRunning = new CountDownLatch(n);
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            allRunning.countDown();
            if (!allRunning.await(10, TimeUnit.SECONDS)) {
                throw new TaskFailedException("NotConcurrent", "children did not overlap");
            }
            return payload;
        }).build();
        String def = """
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":%d,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                    "StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}},"End":true}}}""".formatted(n, FN);
        ExecutionResult r = run(engine, def, "[0,1,2,3,4,5]");
        assertThat(r.output()).isEqualTo(json("[0,1,2,3,4,5]"));
    }
}

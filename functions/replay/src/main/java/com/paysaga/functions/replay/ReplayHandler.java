package com.paysaga.functions.replay;

import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.paysaga.functions.common.Logged;
import com.paysaga.saga.replay.BulkReplayResult;
import com.paysaga.saga.replay.InvalidReplayRequestException;
import com.paysaga.saga.replay.ReplayRequest;
import com.paysaga.saga.replay.ReplayService;
import com.paysaga.saga.replay.ReplayStarted;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Replay: one file from a stage, or every run a filter selects. */
@RegisterForReflection(targets = {ReplayStarted.class, BulkReplayResult.class, BulkReplayResult.Entry.class,
        com.paysaga.saga.replay.BulkReplayFilter.class})
public class ReplayHandler implements RequestHandler<ReplayEvent, Object> {

    static final String STARTED_BY = "replay-lambda";

    @Inject
    ReplayService replays;

    @Override
    public Object handleRequest(ReplayEvent e, Context context) {
        if (e == null) {
            throw new InvalidReplayRequestException("empty replay request");
        }
        String startedBy = e.startedBy() == null ? STARTED_BY : e.startedBy();
        if (e.filter() != null) {
            if (e.fileId() != null) {
                throw new InvalidReplayRequestException("give either fileId or filter, not both");
            }
            return Logged.call(null, e.fromStage(), null,
                    () -> replays.replayAll(e.filter(), e.fromStage(), e.reason(), startedBy, e.maxFiles()));
        }
        return Logged.call(e.fileId(), e.fromStage(), null, () -> replays.replay(
                new ReplayRequest(e.fileId(), e.fromStage(), e.onlyFailedChunks(), e.reason(), startedBy)));
    }
}

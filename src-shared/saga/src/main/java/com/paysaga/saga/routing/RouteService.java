package com.paysaga.saga.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.saga.Stage;
import com.paysaga.saga.store.RunRecord;
import com.paysaga.saga.store.RunStatus;
import com.paysaga.saga.store.RunStore;

/**
 * The Route stage: picks the partner's profile, assigns the processing window and records the
 * decision on the run, where a replay that starts after Route finds it again.
 */
public class RouteService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunStore runs;
    private final PartnerProfileLoader profiles;
    private final Map<JobQueueClass, String> jobQueues;

    public RouteService(RunStore runs, PartnerProfileLoader profiles, Map<JobQueueClass, String> jobQueues) {
        this.runs = runs;
        this.profiles = profiles;
        this.jobQueues = Map.copyOf(jobQueues);
    }

    public RouteDecision route(String fileId) {
        RunRecord run = runs.getRun(fileId);
        PartnerProfile profile = profiles.load().require(run.partner());
        RouteDecision decision = decide(fileId, profile, run.receivedAt());
        runs.recordRoute(fileId, toMap(decision), decision.format(), decision.profileId());
        if (decision.action() == RouteAction.WAIT) {
            runs.updateRunStatus(fileId, RunStatus.WAITING, Stage.Route);
        }
        return decision;
    }

    public RouteDecision decide(String fileId, PartnerProfile profile, Instant receivedAt) {
        WindowAssignment a = CutOffRules.assign(profile, receivedAt);
        String queue = jobQueues.get(profile.jobQueue());
        if (queue == null || queue.isBlank()) {
            throw new IllegalStateException("no Batch job queue configured for class " + profile.jobQueue()
                    + " (profile " + profile.profileId() + ")");
        }
        return new RouteDecision(fileId, profile.partner(), profile.profileId(), profile.format().name(),
                profile.paymentType(), profile.timeZone().getId(), profile.calendar(), a.businessDate().toString(),
                a.window().name(), a.cutOff().toString(), a.late(), profile.latePolicy(), a.action(),
                a.waitUntil().map(Instant::toString).orElse(null), profile.jobQueue(), queue, profile.chunkSize(),
                profile.loadConcurrency(), profile.expectedEncryption(), profile.pgpSigningKeyId().orElse(null),
                profile.nachaLeniency().stream().sorted().toList(), profile.csvMapping().orElse(null));
    }

    public static Map<String, Object> toMap(RouteDecision decision) {
        return JSON.convertValue(decision, new TypeReference<Map<String, Object>>() { });
    }

    public static RouteDecision fromMap(Map<String, Object> map) {
        return JSON.convertValue(map, RouteDecision.class);
    }

}

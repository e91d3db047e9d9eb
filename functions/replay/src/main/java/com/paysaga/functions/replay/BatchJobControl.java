package com.paysaga.functions.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.paysaga.saga.replay.JobControl;

import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.batch.model.JobSummary;
import software.amazon.awssdk.services.batch.model.KeyValuesPair;

/**
 * {@link JobControl} over the Batch API. The state machine names every job
 * {@code <execution name>-<command>}, so an execution's jobs are found by name prefix
 * (ListJobs returns jobs of every status when a filter is given).
 */
public class BatchJobControl implements JobControl {

    private static final Set<JobStatus> FINISHED = Set.of(JobStatus.SUCCEEDED, JobStatus.FAILED);

    private final BatchClient batch;
    private final List<String> queues;

    public BatchJobControl(BatchClient batch, List<String> queues) {
        this.batch = batch;
        this.queues = List.copyOf(queues);
    }

    @Override
    public List<String> terminateJobsOf(String executionName, String reason) {
        List<String> terminated = new ArrayList<>();
        KeyValuesPair byName = KeyValuesPair.builder().name("JOB_NAME").values(executionName + "-*").build();
        for (String queue : queues) {
            for (JobSummary job : batch.listJobsPaginator(b -> b.jobQueue(queue).filters(byName)).jobSummaryList()) {
                if (job.jobName().startsWith(executionName + "-") && !FINISHED.contains(job.status())) {
                    batch.terminateJob(b -> b.jobId(job.jobId()).reason(reason));
                    terminated.add(job.jobId());
                }
            }
        }
        return terminated;
    }
}

package com.paysaga.batch;

import jakarta.enterprise.context.ApplicationScoped;

import com.paysaga.saga.routing.PartnerProfileLoader;
import com.paysaga.saga.store.RunRecord;
import com.paysaga.saga.store.RunNotFoundException;

import software.amazon.awssdk.services.s3.S3Client;

/** Loads a command's {@link RunInputs}: the run record and the partner's profile. */
@ApplicationScoped
public class Inputs {

    private final JobConfig config;
    private final S3Client s3;

    public Inputs(JobConfig config, S3Client s3) {
        this.config = config;
        this.s3 = s3;
    }

    RunInputs load(JobContext ctx) {
        RunRecord run;
        try {
            run = ctx.runs().getRun(ctx.fileId());
        } catch (RunNotFoundException e) {
            throw new JobSetupException("no run is recorded for file " + ctx.fileId() + " (Validate creates it)", e);
        }
        String partner = config.partner().filter(s -> !s.isBlank()).orElse(run.partner());
        if (partner == null) {
            throw new JobSetupException("the run of " + ctx.fileId() + " records no partner, and PARTNER is not set");
        }
        var profiles = new PartnerProfileLoader(s3, config.configBucket().orElse(null)).load();
        return new RunInputs(run, partner, profiles.require(partner), config);
    }
}

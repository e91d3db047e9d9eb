package com.paysaga.functions.validate;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.paysaga.functions.common.RunsConfig;
import com.paysaga.saga.routing.PartnerProfileLoader;
import com.paysaga.saga.routing.UploadValidator;
import com.paysaga.saga.store.RunStore;

import software.amazon.awssdk.services.s3.S3Client;

@ApplicationScoped
public class ValidateServices {

    @Produces
    @ApplicationScoped
    UploadValidator validator(S3Client s3, RunStore runs, PartnerProfileLoader profiles, RunsConfig config, Clock clock) {
        return new UploadValidator(s3, runs, profiles, config.leaseTimeout(), clock);
    }
}

package com.paysaga.batch;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The job's configuration. application.properties maps each property from the environment
 * names of docs/contracts.md ({@code RUNS_TABLE}, {@code CHUNK_SIZE}, …): the job definition in
 * template.yaml sets the resource names, the state machine's ContainerOverrides the per-file
 * values. Everything is optional here so that a missing variable becomes a clear usage error
 * (exit 2) naming it, not a startup failure.
 */
@ConfigMapping(prefix = "paysaga.job")
public interface JobConfig {

    Optional<String> runsTable();

    Optional<String> tokensTable();

    Optional<String> inboundBucket();

    Optional<String> workBucket();

    Optional<String> stagingBucket();

    Optional<String> archiveBucket();

    Optional<String> configBucket();

    /** SSE-KMS key of the work and staging objects. */
    Optional<String> dataKeyId();

    /** Wraps the token HMAC keys and the vault's data keys. */
    Optional<String> tokenKeyId();

    /** Data keys of the archived originals (an ARN, or a key id resolved once with DescribeKey). */
    Optional<String> archiveKeyId();

    /** Seals the partners' PGP private keys (an ARN, or a key id resolved once with DescribeKey). */
    Optional<String> partnerSecretsKeyId();

    /** The token key version new tokens are made with (rotation: set a new one, replay from Transform). */
    @WithDefault("v1")
    String tokenKeyVersion();

    Optional<Integer> chunkSize();

    Optional<String> format();

    Optional<String> partner();

    Optional<String> executionName();

    Optional<String> sourceBucket();

    Optional<String> sourceKey();

    Optional<String> sourceVersion();

    /** How often progress lines are logged. */
    @WithDefault("5s")
    Duration progressInterval();
}

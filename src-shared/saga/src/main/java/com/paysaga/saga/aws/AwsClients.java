package com.paysaga.saga.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * SDK clients for code that runs outside a Quarkus application (the local runtime, the
 * provisioner, tests). Quarkus modules never use this: their clients are injected beans
 * configured through {@code quarkus.<svc>.*} properties.
 *
 * <p>An endpoint override switches on what an emulator needs and production must not get:
 * path-style S3 addressing and checksums only where an operation requires them
 * (DESIGN.md §6: moto does not accept every default CRC trailer of SDK 2.30+).
 */
public final class AwsClients {

    private final Optional<URI> endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;

    public AwsClients(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
    }

    /**
     * Reads {@code AWS_ENDPOINT_URL}, {@code AWS_REGION} and the standard credential chain. With
     * an endpoint and no access key in the environment, the emulator's dummy credentials are used:
     * this factory serves the local runtime, where an endpoint always means the emulator.
     */
    public static AwsClients fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static AwsClients fromEnvironment(Map<String, String> env) {
        Optional<URI> endpoint = Optional.ofNullable(env.get("AWS_ENDPOINT_URL"))
                .filter(s -> !s.isBlank()).map(URI::create);
        String regionName = Optional.ofNullable(env.get("AWS_REGION"))
                .or(() -> Optional.ofNullable(env.get("AWS_DEFAULT_REGION")))
                .orElse("us-east-1");
        AwsCredentialsProvider credentials;
        if (env.containsKey("AWS_ACCESS_KEY_ID")) {
            credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    env.get("AWS_ACCESS_KEY_ID"), env.getOrDefault("AWS_SECRET_ACCESS_KEY", "")));
        } else if (endpoint.isPresent()) {
            credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        } else {
            credentials = DefaultCredentialsProvider.builder().build();
        }
        return new AwsClients(endpoint, Region.of(regionName), credentials);
    }

    /** Clients for an emulator at {@code endpoint} with its dummy credentials. */
    public static AwsClients forEmulator(URI endpoint, String region) {
        return new AwsClients(Optional.of(endpoint), Region.of(region),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    public Optional<URI> endpoint() {
        return endpoint;
    }

    public Region region() {
        return region;
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    public S3Client s3() {
        var builder = configure(S3Client.builder());
        if (endpoint.isPresent()) {
            builder.forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    public KmsClient kms() {
        return configure(KmsClient.builder()).build();
    }

    public SnsClient sns() {
        return configure(SnsClient.builder()).build();
    }

    /** For SDK modules src-shared does not depend on (sfn, batch): same endpoint, region, credentials. */
    public <B extends AwsClientBuilder<B, C>, C> B configure(B builder) {
        builder.region(region).credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder;
    }
}

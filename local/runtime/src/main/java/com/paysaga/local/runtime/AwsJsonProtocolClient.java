package com.paysaga.local.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Calls an AWS JSON-protocol API (DynamoDB is JSON 1.0) with the request body exactly as Step
 * Functions passes a service integration's {@code Parameters}, and returns the response body as
 * the integration's result. Going through the wire protocol instead of an SDK model keeps the
 * integration faithful: the service's own field names in, the service's own answer out.
 */
final class AwsJsonProtocolClient implements AutoCloseable {

    /** A 4xx/5xx answer: the service's error code ({@code __type} without its namespace) and message. */
    record ServiceError(int status, String code, String message, String requestId) {
    }

    static final class ServiceException extends Exception {
        final ServiceError error;

        ServiceException(ServiceError error) {
            super(error.code() + ": " + error.message());
            this.error = error;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String region;
    private final String signingName;
    private final String targetPrefix;
    private final String contentType;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsIdentity credentials;

    AwsJsonProtocolClient(URI endpoint, String region, String signingName, String targetPrefix, String jsonVersion,
            String accessKey, String secretKey) {
        this.endpoint = endpoint;
        this.region = region;
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
        this.contentType = "application/x-amz-json-" + jsonVersion;
        this.credentials = AwsCredentialsIdentity.create(accessKey, secretKey);
    }

    JsonNode call(String operation, JsonNode body) throws ServiceException, IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", contentType)
                .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials).request(request)
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
        byte[] answer;
        try (InputStream in = response.responseBody().map(s -> (InputStream) s).orElse(InputStream.nullInputStream())) {
            answer = in.readAllBytes();
        }
        int status = response.httpResponse().statusCode();
        JsonNode node = answer.length == 0 ? JSON.createObjectNode() : JSON.readTree(answer);
        if (status >= 300) {
            String type = node.path("__type").asText("UnknownError");
            String code = type.substring(type.lastIndexOf('#') + 1);
            String message = node.has("message") ? node.get("message").asText() : node.path("Message").asText("");
            String requestId = response.httpResponse().firstMatchingHeader("x-amzn-RequestId").orElse("local");
            throw new ServiceException(new ServiceError(status, code, message, requestId));
        }
        return node;
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}

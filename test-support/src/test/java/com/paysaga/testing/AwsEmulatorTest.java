package com.paysaga.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AwsEmulatorTest {

    @Test
    void exportLinesOfTheEmulatorScriptBecomeTheEnvironment() {
        var env = AwsEmulator.parseExports("""
                export AWS_ENDPOINT_URL=http://127.0.0.1:4566
                export AWS_REGION=us-east-1
                noise
                """);
        assertThat(env).containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:4566").containsEntry("AWS_REGION", "us-east-1");
    }

    @Test
    void scriptOutputWithoutAnEndpointIsAnError() {
        assertThatThrownBy(() -> AwsEmulator.parseExports("export AWS_REGION=x"))
                .hasMessageContaining("AWS_ENDPOINT_URL");
    }

    @Test
    void theResolvedEndpointIsLocalNeverRealAws() {
        assertThat(AwsEmulator.endpoint().uri().getHost()).isIn("127.0.0.1", "localhost");
    }
}

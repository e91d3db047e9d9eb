package com.paysaga.local.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.paysaga.local.runtime.LocalRuntime;
import com.paysaga.saga.aws.AwsClients;
import com.paysaga.provision.CfnTemplate;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.provision.TemplateProvisioner;

import picocli.CommandLine.Option;

/** Options of every command that runs the pipeline or reads its tables. */
public final class RuntimeOptions {

    @Option(names = "--stack", defaultValue = "${env:PAYSAGA_STACK:-paysaga}",
            description = "Stack name the resources are named after (default: ${DEFAULT-VALUE}).")
    String stack;

    @Option(names = "--endpoint-url", defaultValue = "${env:AWS_ENDPOINT_URL}",
            description = "The AWS emulator (default: $AWS_ENDPOINT_URL, set by the launcher).")
    String endpoint;

    @Option(names = "--region", defaultValue = "${env:AWS_REGION:-us-east-1}")
    String region;

    @Option(names = "--root", defaultValue = "${env:PAYSAGA_ROOT:-.}", description = "The PaySaga checkout.")
    Path root;

    @Option(names = "--lambda-concurrency", defaultValue = "2",
            description = "Warm processes allowed per function (default: ${DEFAULT-VALUE}).")
    int lambdaConcurrency;

    @Option(names = "--skip-waits", description = "Do not sleep in Wait states (late files waiting for a window).")
    boolean skipWaits;

    @Option(names = "--parameter", description = "Template parameter override, NAME=VALUE.")
    Map<String, String> parameters = new LinkedHashMap<>();

    URI endpoint() {
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException("AWS_ENDPOINT_URL is not set: run the command through local/paysaga, "
                    + "which starts the local emulator");
        }
        return URI.create(endpoint);
    }

    Path stateDir() {
        return root.toAbsolutePath().normalize().resolve(".paysaga/runtime").resolve(stack);
    }

    LocalRuntime start() throws java.io.IOException {
        return LocalRuntime.start(new LocalRuntime.Options(root.toAbsolutePath().normalize(), stack, endpoint(), region,
                stateDir(), lambdaConcurrency, skipWaits, parameters));
    }

    AwsClients clients() {
        return AwsClients.forEmulator(endpoint(), region);
    }

    /** The stack's physical names, without starting any process (provisioning is idempotent). */
    ProvisionedStack stack() {
        Map<String, String> params = new LinkedHashMap<>();
        CfnTemplate template = CfnTemplate.load(root.resolve("template.yaml"));
        if (template.section("Parameters").containsKey("Packaging")) {
            params.put("Packaging", "jvm");
        }
        params.putAll(parameters);
        return new TemplateProvisioner(clients()).provision(template, stack, params);
    }
}

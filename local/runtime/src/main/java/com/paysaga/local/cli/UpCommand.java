package com.paysaga.local.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.paysaga.saga.aws.AwsClients;
import com.paysaga.provision.CfnTemplate;
import com.paysaga.provision.ProvisionedResource;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.provision.TemplateProvisioner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Provisions every emulator resource of {@code template.yaml} at {@code AWS_ENDPOINT_URL} (the
 * launcher has started moto and exported it) and prints the endpoint and what exists.
 */
@Command(name = "up", description = "Start the local AWS emulator and provision everything in template.yaml.")
public final class UpCommand implements Callable<Integer> {

    @Option(names = "--stack", defaultValue = "${env:PAYSAGA_STACK:-paysaga}",
            description = "Stack name used for resource names (default: ${DEFAULT-VALUE}).")
    String stackName;

    @Option(names = "--template", defaultValue = "${env:PAYSAGA_ROOT:-.}/template.yaml",
            description = "Template to provision (default: ${DEFAULT-VALUE}).")
    Path template;

    @Option(names = "--endpoint-url", defaultValue = "${env:AWS_ENDPOINT_URL}",
            description = "AWS endpoint to provision into (default: $AWS_ENDPOINT_URL, which the launcher sets).")
    String endpointUrl;

    @Option(names = "--parameter", description = "Template parameter override, NAME=VALUE.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        if (endpointUrl == null || endpointUrl.isBlank()) {
            env.remove("AWS_ENDPOINT_URL");
        } else {
            env.put("AWS_ENDPOINT_URL", endpointUrl);
        }
        AwsClients clients = AwsClients.fromEnvironment(env);
        if (clients.endpoint().isEmpty()) {
            spec.commandLine().getErr().println("paysaga up: AWS_ENDPOINT_URL is not set; run it through local/paysaga, "
                    + "which starts the emulator, so that nothing is created in a real AWS account");
            return PaySagaCli.EXIT_USAGE;
        }
        ProvisionedStack stack = new TemplateProvisioner(clients)
                .provision(CfnTemplate.load(template), stackName, parameters);
        PrintWriter out = spec.commandLine().getOut();
        out.println("endpoint: " + clients.endpoint().get() + " (region " + clients.region().id() + ")");
        out.println("stack:    " + stack.stackName());
        out.printf("%-24s %-28s %-14s %s%n", "RESOURCE", "TYPE", "STATUS", "PHYSICAL ID");
        for (ProvisionedResource r : stack.resources()) {
            out.printf("%-24s %-28s %-14s %s%n", r.logicalId(), r.type(), r.status(), r.physicalId());
        }
        long created = stack.resources().stream().filter(r -> r.status() == ProvisionedResource.Status.CREATED).count();
        long existing = stack.resources().stream().filter(r -> r.status() == ProvisionedResource.Status.EXISTING).count();
        out.println(created + " created, " + existing + " already existed");
        out.flush();
        return 0;
    }
}

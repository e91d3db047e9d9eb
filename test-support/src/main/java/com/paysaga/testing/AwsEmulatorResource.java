package com.paysaga.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.paysaga.provision.ProvisionedStack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * {@code @QuarkusTestResource(AwsEmulatorResource.class)}: provisions a stack from
 * {@code template.yaml} in the test endpoint and points the Quarkiverse clients at it. With the
 * init arg {@code function=<LogicalId>}, the application also gets that function's environment
 * exactly as the template defines it, so configuration is tested as deployed.
 */
public class AwsEmulatorResource implements QuarkusTestResourceLifecycleManager {

    private static final List<String> SERVICES = List.of("dynamodb", "s3", "kms", "sns");
    private static volatile ProvisionedStack current;

    private String function;

    /** The stack of the running Quarkus test, for assertions against the same resources. */
    public static ProvisionedStack stack() {
        if (current == null) {
            throw new IllegalStateException("no stack: is the test annotated with @QuarkusTestResource(AwsEmulatorResource.class)?");
        }
        return current;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        function = initArgs.get("function");
    }

    @Override
    public Map<String, String> start() {
        AwsEmulator.Endpoint endpoint = AwsEmulator.endpoint();
        ProvisionedStack stack = TestStacks.provision(function == null ? "quarkus" : function);
        current = stack;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.devservices.enabled", "false");
        for (String svc : SERVICES) {
            config.put("quarkus." + svc + ".endpoint-override", endpoint.uri().toString());
            config.put("quarkus." + svc + ".aws.region", endpoint.region());
            config.put("quarkus." + svc + ".aws.credentials.type", "static");
            config.put("quarkus." + svc + ".aws.credentials.static-provider.access-key-id", "test");
            config.put("quarkus." + svc + ".aws.credentials.static-provider.secret-access-key", "test");
        }
        config.put("quarkus.s3.path-style-access", "true");
        config.putAll(stack.outputs());
        if (function != null) {
            config.putAll(stack.functionEnvironment(function));
        }
        return config;
    }

    @Override
    public void stop() {
        current = null;
    }
}

package com.paysaga.testing;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.paysaga.provision.CfnTemplate;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.provision.TemplateProvisioner;

/**
 * Provisions {@code template.yaml} into the test endpoint under a stack name of its own, so
 * test classes that share one emulator (as in CI) never see each other's buckets or items.
 */
public final class TestStacks {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestStacks() {
    }

    public static ProvisionedStack provision(String purpose) {
        return provision(purpose, Map.of());
    }

    public static ProvisionedStack provision(String purpose, Map<String, String> parameters) {
        String clean = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (clean.length() > 20) {
            clean = clean.substring(0, 20);
        }
        // Bucket names are global-looking and at most 63 characters: keep the stack name short.
        String stackName = "t" + Long.toString(ProcessHandle.current().pid(), 36) + "-"
                + COUNTER.incrementAndGet() + "-" + (clean.isEmpty() ? "stack" : clean);
        CfnTemplate template = CfnTemplate.load(ProjectRoot.resolve("template.yaml"));
        return new TemplateProvisioner(AwsEmulator.endpoint().clients()).provision(template, stackName, parameters);
    }
}

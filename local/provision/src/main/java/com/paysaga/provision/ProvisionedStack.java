package com.paysaga.provision;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@link TemplateProvisioner} made of a template: physical ids, attributes, outputs. */
public final class ProvisionedStack {

    private final String stackName;
    private final CfnTemplate template;
    private final Map<String, ProvisionedResource> resources;
    private final IntrinsicResolver resolver;

    ProvisionedStack(String stackName, CfnTemplate template, Map<String, ProvisionedResource> resources,
            IntrinsicResolver resolver) {
        this.stackName = stackName;
        this.template = template;
        this.resources = Collections.unmodifiableMap(resources);
        this.resolver = resolver;
    }

    public String stackName() {
        return stackName;
    }

    public CfnTemplate template() {
        return template;
    }

    public List<ProvisionedResource> resources() {
        return List.copyOf(resources.values());
    }

    public ProvisionedResource resource(String logicalId) {
        ProvisionedResource r = resources.get(logicalId);
        if (r == null) {
            throw new TemplateException("stack " + stackName + " has no resource " + logicalId);
        }
        return r;
    }

    /** The value of {@code !Ref logicalId}: a bucket or table name, a key id, a topic ARN, … */
    public String ref(String logicalId) {
        return resource(logicalId).physicalId();
    }

    public String attribute(String logicalId, String attribute) {
        return resource(logicalId).attribute(attribute);
    }

    /** The template's Outputs, resolved. */
    public Map<String, String> outputs() {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : template.section("Outputs").entrySet()) {
            Map<String, Object> output = CfnTemplate.map(e.getValue());
            if (output.containsKey("Condition")
                    && !resolver.condition(String.valueOf(output.get("Condition")))) {
                continue;
            }
            out.put(e.getKey(), resolver.resolveString(output.get("Value")));
        }
        return out;
    }

    /**
     * The environment a function gets on AWS: {@code Globals.Function.Environment.Variables}
     * overlaid with the function's own, every intrinsic resolved against this stack.
     */
    public Map<String, String> functionEnvironment(String functionLogicalId) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, Object> globals = CfnTemplate.map(template.section("Globals").get("Function"));
        putVariables(env, globals);
        putVariables(env, template.properties(functionLogicalId));
        return env;
    }

    /** Resolves any template value (e.g. a property of a resource the local runtime serves). */
    public Object resolve(Object templateValue) {
        return resolver.resolve(templateValue);
    }

    private void putVariables(Map<String, String> env, Map<String, Object> owner) {
        Object vars = CfnTemplate.map(owner.get("Environment")).get("Variables");
        Object resolved = resolver.resolve(vars);
        for (var e : CfnTemplate.map(resolved).entrySet()) {
            env.put(e.getKey(), String.valueOf(e.getValue()));
        }
    }
}

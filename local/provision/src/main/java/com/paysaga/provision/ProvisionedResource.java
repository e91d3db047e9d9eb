package com.paysaga.provision;

import java.util.Map;

/**
 * One template resource as it exists in the target account (or emulator).
 *
 * @param status {@code CREATED} now, {@code EXISTING} (found from an earlier provisioning and
 *        brought in line), {@code LOCAL_RUNTIME} (not an emulator resource: the local runtime
 *        serves it, e.g. functions and the state machine; ids are the ones AWS would assign),
 *        or {@code CONDITION_FALSE}.
 */
public record ProvisionedResource(String logicalId, String type, String physicalId,
        Map<String, String> attributes, Status status) {

    public enum Status { CREATED, EXISTING, LOCAL_RUNTIME, CONDITION_FALSE }

    public String attribute(String name) {
        String v = attributes.get(name);
        if (v == null) {
            throw new TemplateException(logicalId + " (" + type + ") has no attribute " + name
                    + "; known: " + attributes.keySet());
        }
        return v;
    }
}

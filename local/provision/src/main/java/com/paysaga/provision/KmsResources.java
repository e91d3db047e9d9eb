package com.paysaga.provision;

import static com.paysaga.provision.TemplateValues.bool;
import static com.paysaga.provision.TemplateValues.optStr;
import static com.paysaga.provision.TemplateValues.str;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.paysaga.provision.ProvisionedResource.Status;

import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.Tag;

/** {@code AWS::KMS::Key} (found again by the stack and logical-id tags it was created with) and {@code AWS::KMS::Alias}. */
final class KmsResources {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KmsResources() {
    }

    static ProvisionedResource kmsKey(ResourceContext ctx, String logicalId, String type) {
        Map<String, Object> p = ctx.props(logicalId);
        KmsClient kms = ctx.kms();
        String keyId = findKey(kms, ctx.stackName(), logicalId);
        Status status = Status.EXISTING;
        if (keyId == null) {
            String policy;
            try {
                policy = JSON.writeValueAsString(p.get("KeyPolicy"));
            } catch (JsonProcessingException e) {
                throw new TemplateException("KeyPolicy of " + logicalId + " is not JSON-serialisable", e);
            }
            keyId = kms.createKey(b -> {
                b.description(optStr(p.get("Description")))
                        .tags(Tag.builder().tagKey(TemplateProvisioner.STACK_TAG).tagValue(ctx.stackName()).build(),
                                Tag.builder().tagKey(TemplateProvisioner.LOGICAL_ID_TAG).tagValue(logicalId).build());
                if (p.get("KeyPolicy") != null) {
                    b.policy(policy);
                }
                if (p.containsKey("KeySpec")) {
                    b.keySpec(str(p.get("KeySpec")));
                }
                if (p.containsKey("KeyUsage")) {
                    b.keyUsage(str(p.get("KeyUsage")));
                }
            }).keyMetadata().keyId();
            status = Status.CREATED;
            String id = keyId;
            if (bool(p.get("EnableKeyRotation"))) {
                kms.enableKeyRotation(b -> b.keyId(id));
            }
        }
        String id = keyId;
        String arn = kms.describeKey(b -> b.keyId(id)).keyMetadata().arn();
        return new ProvisionedResource(logicalId, type, keyId, Map.of("Arn", arn, "KeyId", keyId), status);
    }

    /** CloudFormation knows its keys by stack; here the tags written at creation play that part. */
    private static String findKey(KmsClient kms, String stackName, String logicalId) {
        for (KeyListEntry key : kms.listKeysPaginator(b -> { }).keys()) {
            var tags = kms.listResourceTags(b -> b.keyId(key.keyId())).tags();
            boolean stack = tags.stream().anyMatch(t -> t.tagKey().equals(TemplateProvisioner.STACK_TAG) && t.tagValue().equals(stackName));
            boolean id = tags.stream().anyMatch(t -> t.tagKey().equals(TemplateProvisioner.LOGICAL_ID_TAG) && t.tagValue().equals(logicalId));
            if (stack && id) {
                String state = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyStateAsString();
                if ("Enabled".equals(state)) {
                    return key.keyId();
                }
            }
        }
        return null;
    }

    static ProvisionedResource kmsAlias(ResourceContext ctx, String logicalId, String type) {
        Map<String, Object> p = ctx.props(logicalId);
        String alias = str(p.get("AliasName"));
        String target = str(p.get("TargetKeyId"));
        boolean exists = ctx.kms().listAliasesPaginator(b -> { }).aliases().stream()
                .anyMatch(a -> a.aliasName().equals(alias));
        Status status = exists ? Status.EXISTING : Status.CREATED;
        if (exists) {
            ctx.kms().updateAlias(b -> b.aliasName(alias).targetKeyId(target));
        } else {
            try {
                ctx.kms().createAlias(b -> b.aliasName(alias).targetKeyId(target));
            } catch (AlreadyExistsException e) {
                ctx.kms().updateAlias(b -> b.aliasName(alias).targetKeyId(target));
                status = Status.EXISTING;
            }
        }
        return new ProvisionedResource(logicalId, type, alias, Map.of(), status);
    }
}

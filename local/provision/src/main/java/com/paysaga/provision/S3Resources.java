package com.paysaga.provision;

import static com.paysaga.provision.TemplateValues.bool;
import static com.paysaga.provision.TemplateValues.integer;
import static com.paysaga.provision.TemplateValues.optStr;
import static com.paysaga.provision.TemplateValues.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.paysaga.provision.ProvisionedResource.Status;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Transition;

/** {@code AWS::S3::Bucket} with its versioning, encryption, public access block, ownership, lifecycle and EventBridge notification. */
final class S3Resources {

    private S3Resources() {
    }

    static ProvisionedResource bucket(ResourceContext ctx, String logicalId, String type) {
        Map<String, Object> p = ctx.props(logicalId);
        String name = p.containsKey("BucketName") ? str(p.get("BucketName"))
                : (ctx.stackName() + "-" + logicalId).toLowerCase();
        // HeadBucket first: in us-east-1, S3 answers 200 to CreateBucket of a bucket you already own.
        Status status = bucketExists(ctx.s3(), name) ? Status.EXISTING : Status.CREATED;
        if (status == Status.CREATED) {
            try {
                ctx.s3().createBucket(b -> b.bucket(name));
            } catch (BucketAlreadyOwnedByYouException e) {
                status = Status.EXISTING;
            }
        }
        Map<String, Object> versioning = CfnTemplate.map(p.get("VersioningConfiguration"));
        if (!versioning.isEmpty()) {
            ctx.s3().putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v.status(str(versioning.get("Status")))));
        }
        Map<String, Object> encryption = CfnTemplate.map(p.get("BucketEncryption"));
        if (!encryption.isEmpty()) {
            List<ServerSideEncryptionRule> rules = new ArrayList<>();
            for (Object r : CfnTemplate.list(encryption.get("ServerSideEncryptionConfiguration"))) {
                Map<String, Object> rule = CfnTemplate.map(r);
                Map<String, Object> byDefault = CfnTemplate.map(rule.get("ServerSideEncryptionByDefault"));
                rules.add(ServerSideEncryptionRule.builder()
                        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(str(byDefault.get("SSEAlgorithm")))
                                .kmsMasterKeyID(optStr(byDefault.get("KMSMasterKeyID"))))
                        .bucketKeyEnabled(bool(rule.get("BucketKeyEnabled")))
                        .build());
            }
            ctx.s3().putBucketEncryption(b -> b.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(rules)));
        }
        Map<String, Object> block = CfnTemplate.map(p.get("PublicAccessBlockConfiguration"));
        if (!block.isEmpty()) {
            ctx.s3().putPublicAccessBlock(b -> b.bucket(name).publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(bool(block.get("BlockPublicAcls")))
                    .blockPublicPolicy(bool(block.get("BlockPublicPolicy")))
                    .ignorePublicAcls(bool(block.get("IgnorePublicAcls")))
                    .restrictPublicBuckets(bool(block.get("RestrictPublicBuckets")))));
        }
        Map<String, Object> ownership = CfnTemplate.map(p.get("OwnershipControls"));
        if (!ownership.isEmpty()) {
            List<software.amazon.awssdk.services.s3.model.OwnershipControlsRule> rules = new ArrayList<>();
            for (Object r : CfnTemplate.list(ownership.get("Rules"))) {
                rules.add(software.amazon.awssdk.services.s3.model.OwnershipControlsRule.builder()
                        .objectOwnership(str(CfnTemplate.map(r).get("ObjectOwnership"))).build());
            }
            ctx.s3().putBucketOwnershipControls(b -> b.bucket(name).ownershipControls(c -> c.rules(rules)));
        }
        Map<String, Object> lifecycle = CfnTemplate.map(p.get("LifecycleConfiguration"));
        if (!lifecycle.isEmpty()) {
            List<LifecycleRule> rules = new ArrayList<>();
            for (Object r : CfnTemplate.list(lifecycle.get("Rules"))) {
                rules.add(lifecycleRule(CfnTemplate.map(r)));
            }
            ctx.s3().putBucketLifecycleConfiguration(b -> b.bucket(name).lifecycleConfiguration(c -> c.rules(rules)));
        }
        Map<String, Object> notification = CfnTemplate.map(p.get("NotificationConfiguration"));
        if (bool(CfnTemplate.map(notification.get("EventBridgeConfiguration")).get("EventBridgeEnabled"))) {
            ctx.s3().putBucketNotificationConfiguration(b -> b.bucket(name)
                    .notificationConfiguration(c -> c.eventBridgeConfiguration(e -> { })));
        }
        String arn = "arn:aws:s3:::" + name;
        return new ProvisionedResource(logicalId, type, name, Map.of(
                "Arn", arn,
                "DomainName", name + ".s3.amazonaws.com",
                "RegionalDomainName", name + ".s3." + ctx.region() + ".amazonaws.com"), status);
    }

    private static boolean bucketExists(S3Client s3, String name) {
        try {
            s3.headBucket(b -> b.bucket(name));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static LifecycleRule lifecycleRule(Map<String, Object> r) {
        LifecycleRule.Builder b = LifecycleRule.builder().id(optStr(r.get("Id"))).status(str(r.get("Status")));
        Object prefix = r.containsKey("Prefix") ? r.get("Prefix") : null;
        b.filter(LifecycleRuleFilter.builder().prefix(prefix == null ? "" : str(prefix)).build());
        if (r.containsKey("ExpirationInDays")) {
            b.expiration(e -> e.days(integer(r.get("ExpirationInDays"))));
        }
        Map<String, Object> noncurrent = CfnTemplate.map(r.get("NoncurrentVersionExpiration"));
        if (!noncurrent.isEmpty()) {
            b.noncurrentVersionExpiration(e -> e.noncurrentDays(integer(noncurrent.get("NoncurrentDays"))));
        }
        Map<String, Object> abort = CfnTemplate.map(r.get("AbortIncompleteMultipartUpload"));
        if (!abort.isEmpty()) {
            b.abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(integer(abort.get("DaysAfterInitiation"))));
        }
        List<Transition> transitions = new ArrayList<>();
        for (Object t : CfnTemplate.list(r.get("Transitions"))) {
            Map<String, Object> tm = CfnTemplate.map(t);
            transitions.add(Transition.builder().storageClass(str(tm.get("StorageClass")))
                    .days(integer(tm.get("TransitionInDays"))).build());
        }
        if (!transitions.isEmpty()) {
            b.transitions(transitions);
        }
        return b.build();
    }
}

package com.paysaga.provision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.paysaga.saga.aws.AwsClients;
import com.paysaga.provision.ProvisionedResource.Status;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Creates the resources of a CloudFormation / SAM template in an AWS endpoint (in practice the
 * local emulator), so that {@code template.yaml} stays the single source of truth for local
 * runs and tests (DESIGN.md §5).
 *
 * <p>Storage and messaging resources (S3 buckets, DynamoDB tables, KMS keys and aliases, SNS
 * topics and subscriptions) are created with the properties the template gives them.
 * Everything else (functions, the state machine, roles, rules, Batch, log groups) is served by
 * the local runtime: it gets the identifiers AWS would assign, so {@code !Ref} and
 * {@code !GetAtt} to it resolve, and nothing is created. Provisioning the same stack twice
 * reuses what exists.
 */
public final class TemplateProvisioner {

    public static final String STACK_TAG = "paysaga:stack-name";
    public static final String LOGICAL_ID_TAG = "paysaga:logical-id";
    /** moto's fixed account; real AWS would return the caller's. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    private static final Pattern SUB_NAMES = Pattern.compile("\\$\\{([^!}][^}]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsClients clients;
    private final String accountId;

    public TemplateProvisioner(AwsClients clients) {
        this(clients, DEFAULT_ACCOUNT_ID);
    }

    public TemplateProvisioner(AwsClients clients, String accountId) {
        this.clients = clients;
        this.accountId = accountId;
    }

    public ProvisionedStack provision(CfnTemplate template, String stackName, Map<String, String> parameterOverrides) {
        if (!stackName.matches("[a-zA-Z][-a-zA-Z0-9]{0,127}")) {
            throw new TemplateException("stack name '" + stackName
                    + "' must start with a letter and hold only letters, digits and hyphens");
        }
        String region = clients.region().id();
        Map<String, String> pseudo = Map.of(
                "AWS::StackName", stackName,
                "AWS::Region", region,
                "AWS::AccountId", accountId,
                "AWS::Partition", "aws",
                "AWS::URLSuffix", "amazonaws.com",
                "AWS::StackId", "arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + stackName + "/local",
                "AWS::NotificationARNs", "");
        Map<String, String> parameters = parameters(template, parameterOverrides);
        Map<String, ProvisionedResource> done = new LinkedHashMap<>();
        IntrinsicResolver resolver = new IntrinsicResolver(template, parameters, pseudo,
                new IntrinsicResolver.ResourceValues() {
                    @Override
                    public String ref(String logicalId) {
                        return created(done, logicalId).physicalId();
                    }

                    @Override
                    public String attribute(String logicalId, String attribute) {
                        return created(done, logicalId).attribute(attribute);
                    }
                });
        try (DynamoDbClient dynamo = clients.dynamoDb(); S3Client s3 = clients.s3();
                KmsClient kms = clients.kms(); SnsClient sns = clients.sns()) {
            Context ctx = new Context(template, stackName, region, resolver, dynamo, s3, kms, sns);
            for (String logicalId : creationOrder(template)) {
                Map<String, Object> resource = template.resource(logicalId);
                String type = String.valueOf(resource.get("Type"));
                Object condition = resource.get("Condition");
                if (condition != null && !resolver.condition(String.valueOf(condition))) {
                    done.put(logicalId, new ProvisionedResource(logicalId, type, "", Map.of(), Status.CONDITION_FALSE));
                    continue;
                }
                try {
                    done.put(logicalId, create(ctx, logicalId, type));
                } catch (TemplateException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new TemplateException("cannot provision " + logicalId + " (" + type + ") in stack "
                            + stackName + ": " + e.getMessage(), e);
                }
            }
        }
        return new ProvisionedStack(stackName, template, done, resolver);
    }

    private static ProvisionedResource created(Map<String, ProvisionedResource> done, String logicalId) {
        ProvisionedResource r = done.get(logicalId);
        if (r == null) {
            throw new TemplateException("resource " + logicalId + " is referenced before it exists");
        }
        if (r.status() == Status.CONDITION_FALSE) {
            throw new TemplateException("resource " + logicalId + " is referenced but its condition is false");
        }
        return r;
    }

    private static Map<String, String> parameters(CfnTemplate template, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        for (var e : template.section("Parameters").entrySet()) {
            Map<String, Object> p = CfnTemplate.map(e.getValue());
            String value = overrides.containsKey(e.getKey()) ? overrides.get(e.getKey())
                    : p.containsKey("Default") ? String.valueOf(p.get("Default")) : null;
            if (value == null) {
                throw new TemplateException("parameter " + e.getKey() + " has no Default and no value was given");
            }
            List<Object> allowed = CfnTemplate.list(p.get("AllowedValues"));
            if (!allowed.isEmpty() && allowed.stream().map(String::valueOf).noneMatch(value::equals)) {
                throw new TemplateException("parameter " + e.getKey() + " = '" + value + "' is not one of " + allowed);
            }
            values.put(e.getKey(), value);
        }
        for (String name : overrides.keySet()) {
            if (!values.containsKey(name)) {
                throw new TemplateException("template has no parameter " + name);
            }
        }
        return values;
    }

    /** Resources ordered so that each comes after everything it references (Ref, GetAtt, Sub, DependsOn). */
    static List<String> creationOrder(CfnTemplate template) {
        Map<String, Object> resources = template.resources();
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        for (var e : resources.entrySet()) {
            Set<String> d = new LinkedHashSet<>();
            collectReferences(e.getValue(), d);
            Object dependsOn = CfnTemplate.map(e.getValue()).get("DependsOn");
            if (dependsOn instanceof String s) {
                d.add(s);
            } else {
                CfnTemplate.list(dependsOn).forEach(x -> d.add(String.valueOf(x)));
            }
            d.retainAll(resources.keySet());
            d.remove(e.getKey());
            deps.put(e.getKey(), d);
        }
        List<String> order = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        Set<String> visited = new HashSet<>();
        for (String id : deps.keySet()) {
            visit(id, deps, visiting, visited, order, new ArrayDeque<>());
        }
        return order;
    }

    private static void visit(String id, Map<String, Set<String>> deps, Set<String> visiting, Set<String> visited,
            List<String> order, Deque<String> path) {
        if (visited.contains(id)) {
            return;
        }
        path.addLast(id);
        if (!visiting.add(id)) {
            throw new TemplateException("circular dependency between resources: " + String.join(" -> ", path));
        }
        for (String d : deps.get(id)) {
            visit(d, deps, visiting, visited, order, path);
        }
        visiting.remove(id);
        visited.add(id);
        order.add(id);
        path.removeLast();
    }

    private static void collectReferences(Object node, Set<String> out) {
        if (node instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                Object v = e.getValue();
                if (key.equals("Ref") && v instanceof String s) {
                    out.add(s);
                } else if (key.equals("Fn::GetAtt")) {
                    List<Object> args = CfnTemplate.list(v);
                    if (!args.isEmpty()) {
                        out.add(String.valueOf(args.get(0)));
                    }
                } else if (key.equals("Fn::Sub")) {
                    Object text = v instanceof List<?> l && !l.isEmpty() ? l.get(0) : v;
                    if (text instanceof String s) {
                        Matcher matcher = SUB_NAMES.matcher(s);
                        while (matcher.find()) {
                            String name = matcher.group(1).trim();
                            int dot = name.indexOf('.');
                            out.add(dot > 0 ? name.substring(0, dot) : name);
                        }
                    }
                }
                collectReferences(v, out);
            }
        } else if (node instanceof List<?> l) {
            l.forEach(x -> collectReferences(x, out));
        }
    }

    private record Context(CfnTemplate template, String stackName, String region, IntrinsicResolver resolver,
            DynamoDbClient dynamo, S3Client s3, KmsClient kms, SnsClient sns) {
        Map<String, Object> props(String logicalId) {
            return CfnTemplate.map(resolver.resolve(template.properties(logicalId)));
        }
    }

    private ProvisionedResource create(Context ctx, String logicalId, String type) {
        return switch (type) {
            case "AWS::S3::Bucket" -> bucket(ctx, logicalId, type);
            case "AWS::DynamoDB::Table" -> table(ctx, logicalId, type);
            case "AWS::KMS::Key" -> kmsKey(ctx, logicalId, type);
            case "AWS::KMS::Alias" -> kmsAlias(ctx, logicalId, type);
            case "AWS::SNS::Topic" -> topic(ctx, logicalId, type);
            case "AWS::SNS::Subscription" -> subscription(ctx, logicalId, type);
            default -> servedLocally(ctx, logicalId, type);
        };
    }

    // ------------------------------------------------------------------ S3

    private ProvisionedResource bucket(Context ctx, String logicalId, String type) {
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

    // ------------------------------------------------------------------ DynamoDB

    private ProvisionedResource table(Context ctx, String logicalId, String type) {
        Map<String, Object> p = ctx.props(logicalId);
        String name = p.containsKey("TableName") ? str(p.get("TableName")) : ctx.stackName() + "-" + logicalId;
        boolean provisioned = "PROVISIONED".equals(p.get("BillingMode"));
        CreateTableRequest.Builder req = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(CfnTemplate.list(p.get("AttributeDefinitions")).stream()
                        .map(CfnTemplate::map)
                        .map(a -> AttributeDefinition.builder().attributeName(str(a.get("AttributeName")))
                                .attributeType(str(a.get("AttributeType"))).build())
                        .toList())
                .keySchema(keySchema(p.get("KeySchema")));
        if (provisioned) {
            req.provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
        }
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (Object g : CfnTemplate.list(p.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> gm = CfnTemplate.map(g);
            Map<String, Object> projection = CfnTemplate.map(gm.get("Projection"));
            GlobalSecondaryIndex.Builder gb = GlobalSecondaryIndex.builder()
                    .indexName(str(gm.get("IndexName")))
                    .keySchema(keySchema(gm.get("KeySchema")))
                    .projection(Projection.builder()
                            .projectionType(str(projection.getOrDefault("ProjectionType", "ALL")))
                            .nonKeyAttributes(CfnTemplate.list(projection.get("NonKeyAttributes")).stream()
                                    .map(String::valueOf).toList().isEmpty() ? null
                                    : CfnTemplate.list(projection.get("NonKeyAttributes")).stream()
                                            .map(String::valueOf).toList())
                            .build());
            if (provisioned) {
                gb.provisionedThroughput(throughput(gm.get("ProvisionedThroughput")));
            }
            gsis.add(gb.build());
        }
        if (!gsis.isEmpty()) {
            req.globalSecondaryIndexes(gsis);
        }
        Map<String, Object> sse = CfnTemplate.map(p.get("SSESpecification"));
        if (!sse.isEmpty()) {
            req.sseSpecification(SSESpecification.builder().enabled(bool(sse.get("SSEEnabled")))
                    .sseType(optStr(sse.get("SSEType"))).kmsMasterKeyId(optStr(sse.get("KMSMasterKeyId"))).build());
        }
        Map<String, Object> stream = CfnTemplate.map(p.get("StreamSpecification"));
        if (!stream.isEmpty()) {
            req.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(str(stream.get("StreamViewType"))).build());
        }
        if (p.containsKey("DeletionProtectionEnabled")) {
            req.deletionProtectionEnabled(bool(p.get("DeletionProtectionEnabled")));
        }
        Status status = Status.CREATED;
        TableDescription table;
        try {
            table = ctx.dynamo().createTable(req.build()).tableDescription();
            ctx.dynamo().waiter().waitUntilTableExists(b -> b.tableName(name));
        } catch (ResourceInUseException e) {
            status = Status.EXISTING;
            table = ctx.dynamo().describeTable(b -> b.tableName(name)).table();
        }
        if (bool(CfnTemplate.map(p.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"))) {
            ctx.dynamo().updateContinuousBackups(b -> b.tableName(name)
                    .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        }
        Map<String, Object> ttl = CfnTemplate.map(p.get("TimeToLiveSpecification"));
        if (bool(ttl.get("Enabled")) && status == Status.CREATED) {
            ctx.dynamo().updateTimeToLive(b -> b.tableName(name)
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(str(ttl.get("AttributeName")))));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Arn", table.tableArn());
        if (table.latestStreamArn() != null) {
            attributes.put("StreamArn", table.latestStreamArn());
        }
        return new ProvisionedResource(logicalId, type, name, attributes, status);
    }

    private static List<KeySchemaElement> keySchema(Object schema) {
        return CfnTemplate.list(schema).stream().map(CfnTemplate::map)
                .map(k -> KeySchemaElement.builder().attributeName(str(k.get("AttributeName")))
                        .keyType(str(k.get("KeyType"))).build())
                .toList();
    }

    private static ProvisionedThroughput throughput(Object o) {
        Map<String, Object> t = CfnTemplate.map(o);
        return ProvisionedThroughput.builder()
                .readCapacityUnits((long) integer(t.getOrDefault("ReadCapacityUnits", 5)))
                .writeCapacityUnits((long) integer(t.getOrDefault("WriteCapacityUnits", 5))).build();
    }

    // ------------------------------------------------------------------ KMS

    private ProvisionedResource kmsKey(Context ctx, String logicalId, String type) {
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
                        .tags(Tag.builder().tagKey(STACK_TAG).tagValue(ctx.stackName()).build(),
                                Tag.builder().tagKey(LOGICAL_ID_TAG).tagValue(logicalId).build());
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
            boolean stack = tags.stream().anyMatch(t -> t.tagKey().equals(STACK_TAG) && t.tagValue().equals(stackName));
            boolean id = tags.stream().anyMatch(t -> t.tagKey().equals(LOGICAL_ID_TAG) && t.tagValue().equals(logicalId));
            if (stack && id) {
                String state = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyStateAsString();
                if ("Enabled".equals(state)) {
                    return key.keyId();
                }
            }
        }
        return null;
    }

    private ProvisionedResource kmsAlias(Context ctx, String logicalId, String type) {
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

    // ------------------------------------------------------------------ SNS

    private ProvisionedResource topic(Context ctx, String logicalId, String type) {
        Map<String, Object> p = ctx.props(logicalId);
        String name = p.containsKey("TopicName") ? str(p.get("TopicName")) : ctx.stackName() + "-" + logicalId;
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String a : List.of("DisplayName", "KmsMasterKeyId", "FifoTopic", "ContentBasedDeduplication")) {
            if (p.containsKey(a)) {
                attributes.put(a, str(p.get(a)));
            }
        }
        String expectedArn = "arn:aws:sns:" + ctx.region() + ":" + accountId + ":" + name;
        boolean exists;
        try {
            ctx.sns().getTopicAttributes(b -> b.topicArn(expectedArn));
            exists = true;
        } catch (software.amazon.awssdk.services.sns.model.NotFoundException e) {
            exists = false;
        }
        // CreateTopic is idempotent for equal attributes and brings an existing topic in line.
        String arn = ctx.sns().createTopic(b -> b.name(name).attributes(attributes)).topicArn();
        return new ProvisionedResource(logicalId, type, arn, Map.of("TopicArn", arn, "TopicName", name),
                exists ? Status.EXISTING : Status.CREATED);
    }

    private ProvisionedResource subscription(Context ctx, String logicalId, String type) {
        Map<String, Object> p = ctx.props(logicalId);
        String arn = ctx.sns().subscribe(b -> b.topicArn(str(p.get("TopicArn"))).protocol(str(p.get("Protocol")))
                .endpoint(str(p.get("Endpoint"))).returnSubscriptionArn(true)).subscriptionArn();
        return new ProvisionedResource(logicalId, type, arn, Map.of(), Status.CREATED);
    }

    // ------------------------------------------------------------------ served by the local runtime

    /** The identifiers AWS would give; see the class comment for why nothing is created. */
    private ProvisionedResource servedLocally(Context ctx, String logicalId, String type) {
        Map<String, Object> raw = ctx.template().properties(logicalId);
        String region = ctx.region();
        String prefix = ctx.stackName() + "-" + logicalId;
        Map<String, String> attrs = new LinkedHashMap<>();
        String ref;
        switch (type) {
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> {
                String name = nameProperty(ctx, raw, "FunctionName", prefix);
                ref = name;
                attrs.put("Arn", "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name);
            }
            case "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine" -> {
                String name = nameProperty(ctx, raw, "Name", nameProperty(ctx, raw, "StateMachineName", prefix));
                ref = "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
                attrs.put("Name", name);
                attrs.put("Arn", ref);
            }
            case "AWS::IAM::Role" -> {
                String name = nameProperty(ctx, raw, "RoleName", prefix);
                ref = name;
                attrs.put("Arn", "arn:aws:iam::" + accountId + ":role/" + name);
                attrs.put("RoleId", "AROA" + Integer.toHexString(name.hashCode()).toUpperCase());
            }
            case "AWS::IAM::ManagedPolicy" -> {
                String name = nameProperty(ctx, raw, "ManagedPolicyName", prefix);
                ref = "arn:aws:iam::" + accountId + ":policy/" + name;
            }
            case "AWS::Events::Rule" -> {
                String name = nameProperty(ctx, raw, "Name", prefix);
                ref = name;
                attrs.put("Arn", "arn:aws:events:" + region + ":" + accountId + ":rule/" + name);
            }
            case "AWS::Logs::LogGroup" -> {
                String name = nameProperty(ctx, raw, "LogGroupName", "/aws/" + prefix);
                ref = name;
                attrs.put("Arn", "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + name + ":*");
            }
            case "AWS::Batch::JobQueue" -> {
                String name = nameProperty(ctx, raw, "JobQueueName", prefix);
                ref = "arn:aws:batch:" + region + ":" + accountId + ":job-queue/" + name;
                attrs.put("JobQueueArn", ref);
            }
            case "AWS::Batch::JobDefinition" -> {
                String name = nameProperty(ctx, raw, "JobDefinitionName", prefix);
                ref = "arn:aws:batch:" + region + ":" + accountId + ":job-definition/" + name + ":1";
                attrs.put("JobDefinitionArn", ref);
            }
            case "AWS::Batch::ComputeEnvironment" -> {
                String name = nameProperty(ctx, raw, "ComputeEnvironmentName", prefix);
                ref = "arn:aws:batch:" + region + ":" + accountId + ":compute-environment/" + name;
                attrs.put("ComputeEnvironmentArn", ref);
            }
            default -> {
                ref = prefix;
                String service = type.split("::").length > 1 ? type.split("::")[1].toLowerCase() : "local";
                attrs.put("Arn", "arn:aws:" + service + ":" + region + ":" + accountId + ":" + prefix);
            }
        }
        return new ProvisionedResource(logicalId, type, ref, attrs, Status.LOCAL_RUNTIME);
    }

    private static String nameProperty(Context ctx, Map<String, Object> raw, String property, String fallback) {
        return raw.containsKey(property) ? ctx.resolver().resolveString(raw.get(property)) : fallback;
    }

    // ------------------------------------------------------------------ value helpers

    private static String str(Object o) {
        if (o == null) {
            throw new TemplateException("a required property is missing");
        }
        return String.valueOf(o);
    }

    private static String optStr(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static boolean bool(Object o) {
        return o instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(o));
    }

    private static int integer(Object o) {
        return o instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(o));
    }
}

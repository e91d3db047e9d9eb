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


import com.paysaga.provision.ProvisionedResource.Status;
import com.paysaga.saga.aws.AwsClients;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
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
 * reuses what exists. Each resource type has its creator class ({@link S3Resources},
 * {@link DynamoDbResources}, {@link KmsResources}, {@link SnsResources},
 * {@link LocallyServedResources}); this class orders the resources and resolves the template.
 */
public final class TemplateProvisioner {

    public static final String STACK_TAG = "paysaga:stack-name";
    public static final String LOGICAL_ID_TAG = "paysaga:logical-id";
    /** moto's fixed account; real AWS would return the caller's. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    private static final Pattern SUB_NAMES = Pattern.compile("\\$\\{([^!}][^}]*)}");

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
            ResourceContext ctx = new ResourceContext(template, stackName, region, accountId, resolver, dynamo, s3, kms, sns);
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

    /** One creator per resource type the emulator holds; everything else the local runtime serves. */
    private static final Map<String, Creator> CREATORS = Map.of(
            "AWS::S3::Bucket", S3Resources::bucket,
            "AWS::DynamoDB::Table", DynamoDbResources::table,
            "AWS::KMS::Key", KmsResources::kmsKey,
            "AWS::KMS::Alias", KmsResources::kmsAlias,
            "AWS::SNS::Topic", SnsResources::topic,
            "AWS::SNS::Subscription", SnsResources::subscription);

    @FunctionalInterface
    private interface Creator {
        ProvisionedResource create(ResourceContext ctx, String logicalId, String type);
    }

    private static ProvisionedResource create(ResourceContext ctx, String logicalId, String type) {
        return CREATORS.getOrDefault(type, LocallyServedResources::servedLocally).create(ctx, logicalId, type);
    }
}

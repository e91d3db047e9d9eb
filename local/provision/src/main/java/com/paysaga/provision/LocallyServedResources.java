package com.paysaga.provision;

import java.util.LinkedHashMap;
import java.util.Map;

import com.paysaga.provision.ProvisionedResource.Status;

/**
 * Resources the local runtime serves itself (functions, the state machine, roles, rules, Batch,
 * log groups, …): nothing is created, but each gets the identifiers AWS would assign, so that
 * {@code !Ref} and {@code !GetAtt} to it resolve.
 */
final class LocallyServedResources {

    private LocallyServedResources() {
    }

    /** The identifiers AWS would give; see the class comment for why nothing is created. */
    static ProvisionedResource servedLocally(ResourceContext ctx, String logicalId, String type) {
        Map<String, Object> raw = ctx.template().properties(logicalId);
        String region = ctx.region();
        String prefix = ctx.stackName() + "-" + logicalId;
        Map<String, String> attrs = new LinkedHashMap<>();
        String ref;
        switch (type) {
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> {
                String name = ctx.nameProperty(raw, "FunctionName", prefix);
                ref = name;
                attrs.put("Arn", "arn:aws:lambda:" + region + ":" + ctx.accountId() + ":function:" + name);
            }
            case "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine" -> {
                String name = ctx.nameProperty(raw, "Name", ctx.nameProperty(raw, "StateMachineName", prefix));
                ref = "arn:aws:states:" + region + ":" + ctx.accountId() + ":stateMachine:" + name;
                attrs.put("Name", name);
                attrs.put("Arn", ref);
            }
            case "AWS::IAM::Role" -> {
                String name = ctx.nameProperty(raw, "RoleName", prefix);
                ref = name;
                attrs.put("Arn", "arn:aws:iam::" + ctx.accountId() + ":role/" + name);
                attrs.put("RoleId", "AROA" + Integer.toHexString(name.hashCode()).toUpperCase());
            }
            case "AWS::IAM::ManagedPolicy" -> {
                String name = ctx.nameProperty(raw, "ManagedPolicyName", prefix);
                ref = "arn:aws:iam::" + ctx.accountId() + ":policy/" + name;
            }
            case "AWS::Events::Rule" -> {
                String name = ctx.nameProperty(raw, "Name", prefix);
                ref = name;
                attrs.put("Arn", "arn:aws:events:" + region + ":" + ctx.accountId() + ":rule/" + name);
            }
            case "AWS::Logs::LogGroup" -> {
                String name = ctx.nameProperty(raw, "LogGroupName", "/aws/" + prefix);
                ref = name;
                attrs.put("Arn", "arn:aws:logs:" + region + ":" + ctx.accountId() + ":log-group:" + name + ":*");
            }
            case "AWS::Batch::JobQueue" -> {
                String name = ctx.nameProperty(raw, "JobQueueName", prefix);
                ref = "arn:aws:batch:" + region + ":" + ctx.accountId() + ":job-queue/" + name;
                attrs.put("JobQueueArn", ref);
            }
            case "AWS::Batch::JobDefinition" -> {
                String name = ctx.nameProperty(raw, "JobDefinitionName", prefix);
                ref = "arn:aws:batch:" + region + ":" + ctx.accountId() + ":job-definition/" + name + ":1";
                attrs.put("JobDefinitionArn", ref);
            }
            case "AWS::Batch::ComputeEnvironment" -> {
                String name = ctx.nameProperty(raw, "ComputeEnvironmentName", prefix);
                ref = "arn:aws:batch:" + region + ":" + ctx.accountId() + ":compute-environment/" + name;
                attrs.put("ComputeEnvironmentArn", ref);
            }
            default -> {
                ref = prefix;
                String service = type.split("::").length > 1 ? type.split("::")[1].toLowerCase() : "local";
                attrs.put("Arn", "arn:aws:" + service + ":" + region + ":" + ctx.accountId() + ":" + prefix);
            }
        }
        return new ProvisionedResource(logicalId, type, ref, attrs, Status.LOCAL_RUNTIME);
    }
}

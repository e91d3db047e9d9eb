package com.paysaga.asl.task;

import java.util.Locale;

/**
 * A Task state's {@code Resource}, split the way the service reads it:
 * {@code arn:aws:lambda:region:account:function:name} is a direct Lambda call;
 * {@code arn:aws:states:::service:action[.sync[:2]|.waitForTaskToken]} is a service integration
 * whose suffix selects the integration pattern; anything else (an activity) is passed through.
 *
 * @param arn the resource as written
 * @param service {@code lambda} for direct calls, else the integration's service ({@code batch}, {@code dynamodb}, …)
 * @param action the API action without the pattern suffix ({@code invoke}, {@code submitJob}, …); the function ARN for a direct Lambda call
 * @param pattern how the engine waits for the result
 */
public record ResourceArn(String arn, String service, String action, Pattern pattern) {

    public enum Pattern {
        /** Call and take the answer (request/response). */
        REQUEST_RESPONSE,
        /** {@code .sync} / {@code .sync:2}: the invoker runs the job to completion before returning. */
        SYNC,
        /** {@code .waitForTaskToken}: the invoker hands the token out; the task ends by SendTaskSuccess/Failure. */
        WAIT_FOR_TASK_TOKEN
    }

    public static ResourceArn parse(String arn) {
        String[] parts = arn.split(":", 7);
        if (parts.length >= 6 && parts[2].equals("lambda") && parts[5].equals("function")) {
            return new ResourceArn(arn, "lambda", arn, Pattern.REQUEST_RESPONSE);
        }
        if (parts.length >= 5 && parts[2].equals("states") && parts[3].isEmpty() && parts[4].isEmpty()
                && parts.length >= 6) {
            String service = parts[5];
            String rest = parts.length == 7 ? parts[6] : "";
            Pattern pattern = Pattern.REQUEST_RESPONSE;
            if (rest.endsWith(".waitForTaskToken")) {
                pattern = Pattern.WAIT_FOR_TASK_TOKEN;
                rest = rest.substring(0, rest.length() - ".waitForTaskToken".length());
            } else if (rest.endsWith(".sync") || rest.endsWith(".sync:2")) {
                pattern = Pattern.SYNC;
                rest = rest.substring(0, rest.lastIndexOf(".sync"));
            }
            return new ResourceArn(arn, service, rest, pattern);
        }
        return new ResourceArn(arn, parts.length > 2 ? parts[2] : "", arn, Pattern.REQUEST_RESPONSE);
    }

    /** A direct {@code arn:aws:lambda:…:function:…} resource, which the history reports as LambdaFunction* events. */
    public boolean isDirectLambda() {
        return service.equals("lambda") && action.equals(arn);
    }

    /** The ARN without the {@code .waitForTaskToken} suffix, which is what invokers are registered for. */
    public String invokedArn() {
        return pattern == Pattern.WAIT_FOR_TASK_TOKEN ? arn.substring(0, arn.length() - ".waitForTaskToken".length()) : arn;
    }

    /** The {@code resourceType} of Task* history events: the service name ({@code lambda}, {@code batch}, …). */
    public String resourceType() {
        return service;
    }

    /** The {@code resource} of Task* history events: the action with its pattern suffix ({@code submitJob.sync}). */
    public String resourceName() {
        String[] parts = arn.split(":", 7);
        return parts.length == 7 ? parts[6] : arn;
    }

    /**
     * The error name prefix the service gives an integration's own errors
     * ({@code Lambda.ResourceNotFoundException}, {@code DynamoDB.ConditionalCheckFailedException}, …).
     */
    public String errorPrefix() {
        return switch (service) {
            case "lambda" -> "Lambda";
            case "dynamodb" -> "DynamoDB";
            case "sns" -> "SNS";
            case "sqs" -> "SQS";
            case "batch" -> "Batch";
            case "states" -> "StepFunctions";
            case "ecs" -> "ECS";
            case "events" -> "EventBridge";
            case "s3" -> "S3";
            default -> service.isEmpty() ? "Task" : service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1);
        };
    }
}

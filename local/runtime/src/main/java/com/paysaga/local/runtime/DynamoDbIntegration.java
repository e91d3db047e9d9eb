package com.paysaga.local.runtime;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.task.ResourceArn;
import com.paysaga.asl.task.TaskContext;
import com.paysaga.asl.task.TaskFailedException;
import com.paysaga.asl.task.TaskInvoker;

/**
 * {@code arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem} (the optimized
 * integrations): Parameters are the API request, the result is the API response; a service
 * error becomes {@code DynamoDB.<ErrorCode>} with the cause text Step Functions shows.
 */
public final class DynamoDbIntegration implements TaskInvoker, AutoCloseable {

    private static final Map<String, String> OPERATIONS = Map.of(
            "getItem", "GetItem", "putItem", "PutItem", "updateItem", "UpdateItem", "deleteItem", "DeleteItem");

    private final AwsJsonProtocolClient client;

    public DynamoDbIntegration(URI endpoint, String region) {
        client = new AwsJsonProtocolClient(endpoint, region, "dynamodb", "DynamoDB_20120810", "1.0", "test", "test");
    }

    @Override
    public JsonNode invoke(ResourceArn resource, JsonNode parameters, TaskContext context) throws TaskFailedException {
        String operation = OPERATIONS.get(resource.action());
        if (operation == null) {
            throw new TaskFailedException("States.Runtime", "The resource " + resource.arn()
                    + " is not a DynamoDB optimized integration (getItem, putItem, updateItem, deleteItem)");
        }
        try {
            return client.call(operation, parameters);
        } catch (AwsJsonProtocolClient.ServiceException e) {
            var err = e.error;
            throw new TaskFailedException("DynamoDB." + err.code(), err.message() + " (Service: AmazonDynamoDBv2; Status Code: "
                    + err.status() + "; Error Code: " + err.code() + "; Request ID: " + err.requestId() + "; Proxy: null)");
        } catch (IOException e) {
            throw new TaskFailedException("DynamoDB.SdkClientException", "Unable to execute HTTP request: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

package com.paysaga.functions.replay;

import com.paysaga.saga.replay.ExecutionControl;
import com.paysaga.saga.replay.ExecutionNameTakenException;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** {@link ExecutionControl} over the Step Functions API. */
public class SfnExecutionControl implements ExecutionControl {

    private final SfnClient sfn;
    private final String stateMachineArn;

    public SfnExecutionControl(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    /** {@code arn:…:stateMachine:<sm>} → {@code arn:…:execution:<sm>:<name>} (the ARN format Step Functions assigns). */
    public String executionArn(String name) {
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + name;
    }

    @Override
    public String start(String executionName, String inputJson) {
        try {
            return sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(executionName).input(inputJson))
                    .executionArn();
        } catch (ExecutionAlreadyExistsException e) {
            // StartExecution is idempotent for the same name and input; where a service or an
            // emulator answers "already exists" instead, the same input still means the same start.
            String arn = executionArn(executionName);
            String existing = sfn.describeExecution(b -> b.executionArn(arn)).input();
            if (inputJson.equals(existing)) {
                return arn;
            }
            throw new ExecutionNameTakenException(executionName, e);
        }
    }

    @Override
    public boolean isRunning(String executionName) {
        try {
            return sfn.describeExecution(b -> b.executionArn(executionArn(executionName))).status() == ExecutionStatus.RUNNING;
        } catch (ExecutionDoesNotExistException e) {
            return false;
        }
    }

    @Override
    public void stop(String executionName, String cause) {
        try {
            if (isRunning(executionName)) {
                sfn.stopExecution(b -> b.executionArn(executionArn(executionName)).error("LeaseTakenOver").cause(cause));
            }
        } catch (ExecutionDoesNotExistException e) {
            // Gone already: nothing left to stop.
        }
    }
}

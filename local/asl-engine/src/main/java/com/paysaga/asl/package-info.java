/**
 * An Amazon States Language engine (JSONPath query language) that follows the AWS Step
 * Functions developer guide; no dependency on the rest of PaySaga or on the AWS SDK.
 *
 * <h2>Using it</h2>
 * <ul>
 * <li>Build an {@link com.paysaga.asl.AslEngine} with
 * {@link com.paysaga.asl.AslEngine#builder()}: {@code clock(…)} or {@code skipWaits()},
 * {@code region}/{@code accountId}/{@code roleArn} for ARNs, and the work behind Task states:
 * {@code lambdaInvoker(LambdaInvoker)} (direct {@code arn:aws:lambda:…} and optimized
 * {@code arn:aws:states:::lambda:invoke}, whose result the engine wraps like the service),
 * {@code invoker(glob, TaskInvoker)} for any other resource ({@code arn:aws:states:::batch:submitJob.sync},
 * {@code arn:aws:states:::dynamodb:*}, {@code arn:aws:states:::sns:publish}, …), and
 * {@code s3ObjectReader(S3ObjectReader)} or {@code itemReader(glob, ItemReader)} for Distributed
 * Map ItemReaders.</li>
 * <li>{@link com.paysaga.asl.AslEngine#load(String, String)} validates a definition
 * ({@link com.paysaga.asl.InvalidDefinitionException} lists every
 * {@link com.paysaga.asl.Diagnostic}, like ValidateStateMachineDefinition).</li>
 * <li>{@link com.paysaga.asl.AslEngine#start} returns an
 * {@link com.paysaga.asl.Execution} at once; {@code await()} gives the
 * {@link com.paysaga.asl.ExecutionResult}, {@code stop(error, cause)} aborts,
 * {@code history()} returns {@link com.paysaga.asl.history.HistoryEvent}s
 * ({@code toJson()} is the service's shape), {@code childExecutions()} the Distributed Map
 * children.</li>
 * <li>Callback tasks ({@code .waitForTaskToken}) end through
 * {@code sendTaskSuccess}/{@code sendTaskFailure}/{@code sendTaskHeartbeat} on the engine.</li>
 * </ul>
 *
 * <h2>Where it knowingly differs from, or goes beyond, the guide</h2>
 * <ul>
 * <li>A {@code .$} path that selects nothing fails with {@code States.Runtime} and the cause the
 * service writes ("The JSONPath '$.x' specified for the field 'x.$' could not be found in the
 * input '…'"), as recorded service histories show, not with {@code States.ParameterPathFailure}.</li>
 * <li>A failing Parallel branch or inline Map iteration fails the state with the branch's own
 * error and cause, as the service does; {@code States.BranchFailed} is accepted in
 * {@code ErrorEquals} but never raised.</li>
 * <li>{@code ToleratedFailureCount}/{@code Percentage} are also honoured in INLINE mode (the
 * service documents them for DISTRIBUTED mode); without them an inline Map fails with the
 * iteration's error, a Distributed Map with {@code States.ExceedToleratedFailureThreshold}.</li>
 * <li>A Task resource without an invoker fails with {@code <Service>.ResourceNotFoundException}
 * (e.g. {@code Lambda.ResourceNotFoundException}), catchable, like a resource that does not exist.</li>
 * <li>Not implemented: JSONata, variables ({@code Assign}), {@code ResultWriter}, CSV and
 * manifest ItemReaders, activities (they can be plugged as invokers), redrive.</li>
 * </ul>
 * Everything under {@code internal} is not API.
 */
package com.paysaga.asl;

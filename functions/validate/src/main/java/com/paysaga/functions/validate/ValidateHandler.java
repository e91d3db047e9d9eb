package com.paysaga.functions.validate;

import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.paysaga.functions.common.Logged;
import com.paysaga.saga.routing.MalformedEventException;
import com.paysaga.saga.routing.UploadEvents;
import com.paysaga.saga.routing.UploadValidator;
import com.paysaga.saga.routing.ValidationOutcome;
import com.paysaga.saga.store.RunView;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Validate: a new upload (from the S3 event) or, on a replay from Validate, the recorded one. */
@RegisterForReflection(classNames = {"com.paysaga.saga.routing.PartnerProfiles$Document",
        "com.paysaga.saga.routing.PartnerProfiles$Raw", "com.paysaga.saga.routing.PartnerProfiles$RawWindow"},
        targets = {ValidationOutcome.class, RunView.class})
public class ValidateHandler implements RequestHandler<ValidateRequest, ValidationOutcome> {

    @Inject
    UploadValidator validator;

    @Override
    public ValidationOutcome handleRequest(ValidateRequest request, Context context) {
        if (request == null || request.input() == null || request.execution() == null) {
            throw new MalformedEventException("Validate needs {\"input\": <state>, \"execution\": <name>}");
        }
        if (UploadEvents.isObjectCreated(request.input())) {
            return Logged.call(null, "Validate", request.execution(),
                    () -> validator.validateNew(UploadEvents.fromObjectCreated(request.input()), request.execution()));
        }
        String fileId = request.input().path("run").path("fileId").asText(null);
        if (fileId == null) {
            throw new MalformedEventException("Validate's input is neither an S3 Object Created event nor a replay"
                    + " state with run.fileId");
        }
        boolean onlyFailedChunks = request.input().path("run").path("onlyFailedChunks").asBoolean(false);
        return Logged.call(fileId, "Validate", request.execution(),
                () -> validator.revalidate(fileId, request.execution(), onlyFailedChunks));
    }
}

package com.paysaga.functions.route;

import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.paysaga.functions.common.Logged;
import com.paysaga.saga.routing.MalformedEventException;
import com.paysaga.saga.routing.RouteDecision;
import com.paysaga.saga.routing.RouteService;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Route: the partner profile and processing window of a validated file. */
@RegisterForReflection(classNames = {"com.paysaga.saga.routing.PartnerProfiles$Document",
        "com.paysaga.saga.routing.PartnerProfiles$Raw", "com.paysaga.saga.routing.PartnerProfiles$RawWindow"},
        targets = RouteDecision.class)
public class RouteHandler implements RequestHandler<RouteRequest, RouteDecision> {

    @Inject
    RouteService route;

    @Override
    public RouteDecision handleRequest(RouteRequest request, Context context) {
        if (request == null || request.fileId() == null || request.execution() == null) {
            throw new MalformedEventException("Route needs {\"fileId\": …, \"execution\": …}");
        }
        return Logged.call(request.fileId(), "Route", request.execution(), () -> route.route(request.fileId()));
    }
}

package com.paysaga.functions.route;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.paysaga.saga.routing.JobQueueClass;
import com.paysaga.saga.routing.PartnerProfileLoader;
import com.paysaga.saga.routing.RouteService;
import com.paysaga.saga.store.RunStore;

@ApplicationScoped
public class RouteServices {

    @Produces
    @ApplicationScoped
    RouteService route(RunStore runs, PartnerProfileLoader profiles, QueuesConfig queues) {
        return new RouteService(runs, profiles,
                Map.of(JobQueueClass.STANDARD, queues.standard(), JobQueueClass.PRIORITY, queues.priority()));
    }
}

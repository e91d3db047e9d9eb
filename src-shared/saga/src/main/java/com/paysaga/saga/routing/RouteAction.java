package com.paysaga.saga.routing;

/** What the state machine does after Route: go on, or wait first (its Choice reads this). */
public enum RouteAction { PROCESS, WAIT }

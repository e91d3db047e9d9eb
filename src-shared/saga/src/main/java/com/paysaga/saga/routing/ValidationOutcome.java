package com.paysaga.saga.routing;

import com.paysaga.saga.store.RunView;

/** Validate's answer: the run the state machine carries on with, or a duplicate that ends it. */
public record ValidationOutcome(RunView run, boolean duplicate, String message) {
}

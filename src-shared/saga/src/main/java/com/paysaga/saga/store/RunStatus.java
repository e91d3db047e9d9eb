package com.paysaga.saga.store;

/**
 * {@code runStatus} of a run's META item, the hash key of the ByStatus index.
 * A second upload of content already known is not a run of its own: it is recorded as an
 * {@code EXEC#} item with outcome {@link #DUPLICATE} on the existing run.
 */
public enum RunStatus { RECEIVED, RUNNING, WAITING, COMPLETED, FAILED, DUPLICATE, REJECTED }

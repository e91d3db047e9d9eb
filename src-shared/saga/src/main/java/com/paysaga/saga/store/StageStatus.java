package com.paysaga.saga.store;

/** {@code status} of a {@code STAGE#} or {@code CHUNK#} item. */
public enum StageStatus { RUNNING, SUCCEEDED, FAILED }

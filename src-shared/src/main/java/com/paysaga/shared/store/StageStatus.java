package com.paysaga.shared.store;

/** {@code status} of a {@code STAGE#} or {@code CHUNK#} item. */
public enum StageStatus { RUNNING, SUCCEEDED, FAILED }

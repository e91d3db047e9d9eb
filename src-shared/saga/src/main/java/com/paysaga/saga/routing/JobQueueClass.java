package com.paysaga.saga.routing;

/** Which Batch job queue the heavy stages of a file run on; the Route function maps it to an ARN. */
public enum JobQueueClass { STANDARD, PRIORITY }

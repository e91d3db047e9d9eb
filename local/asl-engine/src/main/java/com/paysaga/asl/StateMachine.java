package com.paysaga.asl;

import com.paysaga.asl.internal.model.Model;

/** A validated definition with its name and ARN; immutable, shareable by any number of executions. */
public final class StateMachine {

    private final String name;
    private final String arn;
    private final String definition;
    private final Model.Machine machine;

    StateMachine(String name, String arn, String definition, Model.Machine machine) {
        this.name = name;
        this.arn = arn;
        this.definition = definition;
        this.machine = machine;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    /** The definition text as loaded. */
    public String definition() {
        return definition;
    }

    Model.Machine machine() {
        return machine;
    }
}

package com.paysaga.asl;

import java.util.List;
import java.util.stream.Collectors;

/** A definition the service would refuse to create; carries every problem found, not only the first. */
public final class InvalidDefinitionException extends Exception {

    private final List<Diagnostic> diagnostics;

    public InvalidDefinitionException(List<Diagnostic> diagnostics) {
        super("Invalid State Machine Definition: " + diagnostics.stream().map(Diagnostic::toString)
                .collect(Collectors.joining(", ")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}

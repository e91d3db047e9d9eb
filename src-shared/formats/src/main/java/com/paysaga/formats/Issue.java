package com.paysaga.formats;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One problem in a file: where (a line, a record, an XML path), which field, and why.
 * Messages never quote an account number or PAN.
 */
public record Issue(@JsonIgnore Severity severity, String location, String field, String message) {

    public enum Severity { ERROR, WARNING }

    public Issue {
        field = field == null ? "" : field;
    }

    @Override
    public String toString() {
        return severity + " at " + location + (field.isEmpty() ? "" : " [" + field + "]") + ": " + message;
    }
}

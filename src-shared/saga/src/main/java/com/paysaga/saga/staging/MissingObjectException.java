package com.paysaga.saga.staging;

import java.io.IOException;

/** The object (or the requested version) does not exist. */
public final class MissingObjectException extends IOException {

    private final ObjectRef ref;

    public MissingObjectException(ObjectRef ref) {
        super(ref + " does not exist");
        this.ref = ref;
    }

    public ObjectRef ref() {
        return ref;
    }
}

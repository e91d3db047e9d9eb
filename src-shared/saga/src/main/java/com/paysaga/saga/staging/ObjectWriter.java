package com.paysaga.saga.staging;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A new object being written. Nothing becomes visible until {@link #commit()}; {@link #close()}
 * without a commit discards what was written. That is how decrypted plaintext whose integrity
 * check fails at the very end of the stream never appears in the work bucket.
 */
public abstract class ObjectWriter extends OutputStream {

    /** Makes the object visible, complete; returns its version id where the bucket has one. */
    public abstract String commit() throws IOException;

    /** Discards everything written; idempotent. */
    public abstract void abort();

    /** Bytes written so far. */
    public abstract long written();

    @Override
    public void close() {
        abort();
    }
}

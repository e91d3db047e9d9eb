package com.paysaga.asl.map;

import java.io.IOException;

/**
 * Fetches one S3 object's bytes; the local runtime implements it with the AWS SDK against the
 * emulator, which keeps the engine itself free of the SDK.
 */
@FunctionalInterface
public interface S3ObjectReader {

    /**
     * @param versionId null for the current version
     * @throws IOException when the object cannot be read (no such bucket or key, access denied, …)
     */
    byte[] getObject(String bucket, String key, String versionId) throws IOException, InterruptedException;
}

package com.paysaga.asl.map;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.task.TaskFailedException;

/**
 * Reads the items of a Distributed Map's {@code ItemReader}. Registered on the engine for a
 * resource such as {@code arn:aws:states:::s3:getObject}; the engine has a built-in one for that
 * resource on top of an {@link S3ObjectReader}, so most callers plug an S3ObjectReader instead.
 * Any failure becomes {@code States.ItemReaderFailed}.
 */
@FunctionalInterface
public interface ItemReader {

    /**
     * @param resource the {@code ItemReader.Resource}
     * @param parameters the evaluated {@code ItemReader.Parameters} (e.g. {@code Bucket}, {@code Key})
     * @param readerConfig the {@code ReaderConfig} object (e.g. {@code InputType})
     */
    List<JsonNode> read(String resource, JsonNode parameters, JsonNode readerConfig)
            throws TaskFailedException, InterruptedException;
}

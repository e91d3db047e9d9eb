package com.paysaga.functions.load;

import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.paysaga.functions.common.Logged;
import com.paysaga.saga.routing.MalformedEventException;
import com.paysaga.saga.store.ChunkLoader;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Load: one manifest chunk into the transactions table. */
@RegisterForReflection(targets = {ChunkLoader.LoadResult.class, com.paysaga.saga.staging.ChunkDescriptor.class,
        com.paysaga.formats.domain.StagedTransaction.class})
public class LoadHandler implements RequestHandler<LoadRequest, ChunkLoader.LoadResult> {

    @Inject
    ChunkLoader loader;

    @Override
    public ChunkLoader.LoadResult handleRequest(LoadRequest r, Context context) {
        if (r == null || r.fileId() == null || r.execution() == null || r.chunk() == null) {
            throw new MalformedEventException("Load needs {\"fileId\", \"execution\", \"chunk\": {\"index\", \"key\","
                    + " \"transactions\", \"sha256\"}}");
        }
        String window = r.businessDate() == null ? null : r.businessDate() + "/" + r.window();
        return Logged.call(r.fileId(), "Load", r.execution(), () -> loader.load(new ChunkLoader.LoadRequest(r.fileId(),
                r.chunk(), r.execution(), Boolean.TRUE.equals(r.onlyFailedChunks()), window, Boolean.TRUE.equals(r.late()))));
    }
}

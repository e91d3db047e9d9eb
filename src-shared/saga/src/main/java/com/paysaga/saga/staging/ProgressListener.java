package com.paysaga.saga.staging;

/** Told how far a stage has come; implementations decide how often to report (the job logs every few seconds). */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param bytes   input bytes consumed
     * @param records records (transactions) produced
     * @param chunks  output chunks committed
     */
    void progress(long bytes, long records, int chunks);

    ProgressListener NONE = (bytes, records, chunks) -> { };
}

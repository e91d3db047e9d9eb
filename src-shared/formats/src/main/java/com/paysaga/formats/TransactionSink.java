package com.paysaga.formats;

import com.paysaga.formats.domain.Transaction;

/**
 * Receives transactions as they are parsed, so memory does not grow with the file. A file that
 * turns out invalid later is still rejected as a whole: the consumer must not publish what it
 * received until parsing returned a valid report.
 */
@FunctionalInterface
public interface TransactionSink {

    /**
     * Validation only: the transactions are not wanted. Parsers still count transactions and
     * totals in the report, but may skip building the objects (parsers compare by identity).
     */
    TransactionSink DISCARD = transaction -> { };

    void accept(Transaction transaction) throws java.io.IOException;
}

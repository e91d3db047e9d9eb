package com.paysaga.formats;

/** The payment file formats PaySaga parses; detected from content, never from the file name. */
public enum Format {
    NACHA,
    PAIN_001,
    CAMT_053,
    CAMT_054,
    BAI2,
    MT940,
    PROCESSOR_CSV
}

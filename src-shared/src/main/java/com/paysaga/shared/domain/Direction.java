package com.paysaga.shared.domain;

/** Seen from the account the file is about (the originator's for ACH, the statement account's for camt/BAI2/MT940). */
public enum Direction { DEBIT, CREDIT }

package com.paysaga.formats.domain;

/**
 * Whether a transaction takes money out of ({@link #DEBIT}) or brings money into ({@link #CREDIT})
 * <em>the account the file is about</em>: the account of the party that sent or owns the file.
 * One convention for every format, so that the same business event (a partner paying its
 * employees, say) has the same direction whether it arrived as NACHA or as pain.001:
 *
 * <ul>
 *   <li><b>NACHA ACH</b> (the originator's file): the originator's account. A credit entry
 *       (transaction code ending 1–4, e.g. 22 payroll to checking) credits the receiver and so is a
 *       {@code DEBIT} of the originator; a debit entry (ending 5–9, e.g. 27 collection) is a
 *       {@code CREDIT}. A return (codes 21/26/31/36/41/46/51/56) reverses its original entry and
 *       so has the opposite direction of the original: the return of a credit (21) brings the money
 *       back, {@code CREDIT}; a dishonored return reverses the return, a contested dishonored
 *       return is a return again. The entry's own NACHA classification (which control total it
 *       counts in) is kept in the attribute {@code achEntryType} = {@code CREDIT}/{@code DEBIT},
 *       and the validation summary names the convention of its totals
 *       ({@code "totalsDirection": "ORIGINATOR_ACCOUNT"}) beside the file control record's own
 *       figures ({@code fileControl}), so that neither is read as the other.
 *       ADV entries are accounting advices to the receiving institution: their code says
 *       credit/debit of that institution's account (81/83/85/87 credit, 82/84/86/88 debit).</li>
 *   <li><b>pain.001</b> (initiation by the debtor): the debtor's account, so every credit
 *       transfer is a {@code DEBIT}.</li>
 *   <li><b>camt.053 / camt.054, BAI2, MT940</b> (statements): the statement account, exactly
 *       as the file says ({@code CdtDbtInd}; BAI2 type code ranges; MT940 {@code :61:} mark,
 *       where a reversal {@code RC} is a {@code DEBIT} and {@code RD} a {@code CREDIT}).</li>
 *   <li><b>processor CSV</b>: the merchant's / payee's settlement account: a sale or payout
 *       settled to the merchant is a {@code CREDIT}, a refund, chargeback or fee a {@code DEBIT}.</li>
 * </ul>
 *
 * Amounts are never negative: the sign lives here.
 */
public enum Direction { DEBIT, CREDIT }

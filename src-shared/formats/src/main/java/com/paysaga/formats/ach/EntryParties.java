package com.paysaga.formats.ach;

import com.paysaga.formats.domain.SensitiveValue;

/**
 * The two sides of an entry before they become debtor and creditor: the receiver (the account
 * the entry posts to) and the originator. Filled by the {@link EntryLayout} of the entry's SEC
 * code; one instance per file, reused for every transaction.
 */
final class EntryParties {

    String account;
    SensitiveValue.Kind accountKind;
    String receiverName;
    String receiverAgent;
    String originatorName;
    String originatorAgent;

    void start(String receiverAgent, String originatorName, String originatorAgent) {
        this.account = null;
        this.accountKind = SensitiveValue.Kind.ACCOUNT_NUMBER;
        this.receiverName = null;
        this.receiverAgent = receiverAgent;
        this.originatorName = originatorName;
        this.originatorAgent = originatorAgent;
    }
}

package vn.academicledger.core.ledger;

import java.time.Instant;

/** One version of a ledger key: the transaction that wrote it, when, and the JSON it wrote. */
public record HistoryEntry(String txId, Instant timestamp, boolean deleted, String valueJson) {
}

package vn.academicledger.ledger.embedded;

import java.util.Objects;

/**
 * The last block of an embedded ledger: its number ({@code -1} while the ledger is empty) and
 * hash. Copying it somewhere the ledger's owner cannot write (a Fabric anchor, a printed audit
 * report) lets anyone prove later that the log was not cut short.
 */
public record ChainHead(long blockNumber, String blockHash) {
    public ChainHead {
        Objects.requireNonNull(blockHash, "blockHash");
    }

    public boolean empty() {
        return blockNumber < 0;
    }
}

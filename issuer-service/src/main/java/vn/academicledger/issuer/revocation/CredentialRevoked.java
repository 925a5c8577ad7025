package vn.academicledger.issuer.revocation;

import java.util.UUID;

/**
 * Published inside the transaction that records a revocation in the database; listeners that act
 * only once it is committed use {@code @TransactionalEventListener} (the status list is rebuilt then).
 *
 * @param schoolCode  the school that revoked
 * @param statusList  the number of the school's status list holding the credential's bit
 * @param statusIndex the credential's bit in that list
 */
public record CredentialRevoked(UUID credentialId, String schoolCode, int statusList, int statusIndex) {
}

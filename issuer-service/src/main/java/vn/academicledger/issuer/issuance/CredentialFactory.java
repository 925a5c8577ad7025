package vn.academicledger.issuer.issuance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import vn.academicledger.core.crypto.SigningKey;
import vn.academicledger.core.domain.CredentialText;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.proof.DataIntegritySigner;
import vn.academicledger.core.proof.ProofOptions;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.vc.VerifiableCredential;

/**
 * Builds a W3C VC 2.0 for a school and signs it with the school's key. The key is named on the
 * ledger as {@code <did>#<publicKeyMultibase>}; each credential carries a Bitstring Status List
 * entry pointing at its school's list on this service.
 */
public final class CredentialFactory {
    private static final DataIntegritySigner SIGNER = new DataIntegritySigner();

    private CredentialFactory() {
    }

    /** Where a credential's revocation bit lives. */
    public record StatusSlot(int listNumber, int index) {
    }

    public static ObjectNode sign(UUID id, String schoolDid, String schoolName, SigningKey key, Cryptosuite suite,
                                  CredentialType type, CredentialText text, ObjectNode subject, Instant now,
                                  String statusListBaseUrl, StatusSlot slot) {
        ObjectNode unsigned = unsigned(id, schoolDid, schoolName, type, text, subject, now, statusListBaseUrl, slot);
        return SIGNER.sign(unsigned, options(schoolDid, key, suite, now), key);
    }

    /**
     * {@link #sign}, returning the credential's RFC 8785 (JCS) bytes, which bulk issuance stores and
     * digests. With eddsa-jcs-2022 the credential is serialized once for both the signature and these.
     */
    public static byte[] signCanonical(UUID id, String schoolDid, String schoolName, SigningKey key, Cryptosuite suite,
                                       CredentialType type, CredentialText text, ObjectNode subject, Instant now,
                                       String statusListBaseUrl, StatusSlot slot) {
        ObjectNode unsigned = unsigned(id, schoolDid, schoolName, type, text, subject, now, statusListBaseUrl, slot);
        if (suite == Cryptosuite.EDDSA_JCS_2022) {
            return SIGNER.signJcs(unsigned, options(schoolDid, key, suite, now), key).canonical();
        }
        return vn.academicledger.core.json.Jcs.canonicalize(SIGNER.sign(unsigned, options(schoolDid, key, suite, now), key));
    }

    private static ProofOptions options(String schoolDid, SigningKey key, Cryptosuite suite, Instant now) {
        return ProofOptions.assertion(suite, schoolDid + "#" + key.publicKey().multibase(), now);
    }

    private static ObjectNode unsigned(UUID id, String schoolDid, String schoolName, CredentialType type, CredentialText text,
                                       ObjectNode subject, Instant now, String statusListBaseUrl, StatusSlot slot) {
        ObjectNode unsigned = VerifiableCredential.builder()
                .context(BundledContexts.ACADEMIC_LEDGER_V1)
                .id(id)
                .type(type.typeName())
                .issuer(schoolDid, schoolName)
                .name(text.nameVi(), text.nameEn())
                .description(text.descriptionVi(), text.descriptionEn())
                .validFrom(now)
                .credentialSubject(subject)
                .buildJson();
        unsigned.set("credentialStatus", statusEntry(statusListBaseUrl, slot));
        return unsigned;
    }

    /** A W3C Bitstring Status List entry for revocation. */
    static ObjectNode statusEntry(String listUrl, StatusSlot slot) {
        String list = listUrl + "/" + slot.listNumber();
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("id", list + "#" + slot.index());
        entry.put("type", "BitstringStatusListEntry");
        entry.put("statusPurpose", "revocation");
        entry.put("statusListIndex", Integer.toString(slot.index()));
        entry.put("statusListCredential", list);
        return entry;
    }
}

package vn.academicledger.issuer.keys;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.crypto.SigningKey;
import vn.academicledger.core.did.DidKey;
import vn.academicledger.core.did.DidResolver;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.proof.DataIntegritySigner;
import vn.academicledger.core.proof.DataIntegrityVerifier;
import vn.academicledger.core.proof.ProofOptions;
import vn.academicledger.core.proof.VerificationReport;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.vc.VerifiableCredential;

/**
 * Signs a small report card with a school key, naming the key by did:key, and verifies it with
 * core's verifier: the independent check every signing test ends with.
 */
final class SignedCredentials {
    private static final DataIntegritySigner SIGNER = new DataIntegritySigner();
    private static final DataIntegrityVerifier VERIFIER = new DataIntegrityVerifier(DidResolver.didKey());

    private SignedCredentials() {
    }

    /** A report card issued by the key's did:key, signed with it. */
    static ObjectNode signed(SigningKey key, Cryptosuite suite, int studentNumber) {
        return SIGNER.sign(reportCard(DidKey.did(key.publicKey()), studentNumber),
                ProofOptions.assertion(suite, DidKey.verificationMethodId(key.publicKey()), Instant.parse("2025-06-02T02:00:00Z")),
                key);
    }

    static VerificationReport verify(ObjectNode signed) {
        return VERIFIER.verify(signed);
    }

    static ObjectNode reportCard(String issuerDid, int studentNumber) {
        ObjectNode subject = JsonNodeFactory.instance.objectNode();
        subject.put("id", String.format("urn:uuid:3f2a9c10-7b4e-4d21-9a55-%012d", studentNumber));
        subject.put("type", "Student");
        subject.put("studentNumber", String.format("79%08d", studentNumber));
        subject.put("fullName", "Phạm Minh Khoa");
        subject.put("birthDate", "2009-11-23");
        return VerifiableCredential.builder()
                .context(BundledContexts.ACADEMIC_LEDGER_V1)
                .id(String.format("urn:uuid:c41e07d2-5a8b-4f3c-b6e9-%012d", studentNumber))
                .type("ReportCardCredential")
                .issuer(issuerDid, "Trường THPT Nguyễn Du")
                .validFrom(OffsetDateTime.of(2025, 6, 2, 8, 0, 0, 0, ZoneOffset.ofHours(7)))
                .credentialSubject(subject)
                .buildJson();
    }
}

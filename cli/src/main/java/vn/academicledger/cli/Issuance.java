package vn.academicledger.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.domain.CredentialText;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.domain.Diploma;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.proof.DataIntegritySigner;
import vn.academicledger.core.proof.ProofOptions;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.vc.VerifiableCredential;

/**
 * Builds and signs credentials for one issuer: a DID, the key registered for it on the ledger
 * (named {@code did#<publicKeyMultibase>}) and the cryptosuite it signs with.
 */
final class Issuance {
    private final String did;
    private final String issuerName;
    private final Ed25519KeyPair key;
    private final Cryptosuite suite;
    private final DataIntegritySigner signer = new DataIntegritySigner();

    Issuance(String did, String issuerName, Ed25519KeyPair key, Cryptosuite suite) {
        this.did = did;
        this.issuerName = issuerName;
        this.key = key;
        this.suite = suite;
    }

    String verificationMethod() {
        return did + "#" + key.publicKey().multibase();
    }

    ObjectNode reportCard(ReportCard card, Instant now) {
        return sign(CredentialType.REPORT_CARD, CredentialText.of(card), CredentialSubjects.of(card), now);
    }

    ObjectNode diploma(Diploma diploma, Instant now) {
        return sign(CredentialType.DIPLOMA, CredentialText.of(diploma), CredentialSubjects.of(diploma), now);
    }

    ObjectNode sign(CredentialType type, CredentialText text, ObjectNode subject, Instant now) {
        ObjectNode unsigned = VerifiableCredential.builder()
                .context(BundledContexts.ACADEMIC_LEDGER_V1)
                .id(UUID.randomUUID())
                .type(type.typeName())
                .issuer(did, issuerName)
                .name(text.nameVi(), text.nameEn())
                .description(text.descriptionVi(), text.descriptionEn())
                .validFrom(now)
                .credentialSubject(subject)
                .buildJson();
        return signer.sign(unsigned, ProofOptions.assertion(suite, verificationMethod(), now), key);
    }
}

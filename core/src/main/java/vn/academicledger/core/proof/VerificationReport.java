package vn.academicledger.core.proof;

import java.util.List;

/** The result of verifying every proof of a secured document, one entry per proof, in order. */
public record VerificationReport(List<ProofResult> proofs) {
    public VerificationReport {
        proofs = List.copyOf(proofs);
    }

    /** At least one signature, and every signature valid (non-signature receipts are not counted). */
    public boolean verified() {
        boolean anySignature = false;
        for (ProofResult proof : proofs) {
            if (proof.outcome().isFailure()) {
                return false;
            }
            anySignature |= proof.valid();
        }
        return anySignature;
    }

    /** The failed proofs. */
    public List<ProofResult> failures() {
        return proofs.stream().filter(p -> p.outcome().isFailure()).toList();
    }
}

package vn.academicledger.verifier.vcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.academicledger.core.did.DidResolutionException;
import vn.academicledger.core.did.DidResolver;
import vn.academicledger.core.proof.DataIntegrityVerifier;
import vn.academicledger.core.proof.ProofResult;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.verify.CheckStatus;
import vn.academicledger.verifier.verification.CredentialVerification;
import vn.academicledger.verifier.verification.VerificationResponse;

/**
 * Verifies a Verifiable Presentation: its structure, the holder's Data Integrity proof (purpose
 * {@code authentication}, key controlled by the {@code holder}), the proof's {@code challenge} and
 * {@code domain} against what the caller expects, and every credential inside with core's
 * {@code CredentialVerifier}. Holders are identified by did:key (resolved offline).
 */
@Service
class PresentationVerification {
    static final String AUTHENTICATION = "authentication";

    private final CredentialVerification credentials;
    private final DidResolver holders = DidResolver.didKey();
    private final DataIntegrityVerifier proofs = new DataIntegrityVerifier(holders).expectingPurpose(AUTHENTICATION);

    PresentationVerification(CredentialVerification credentials) {
        this.credentials = credentials;
    }

    /** One named check of the presentation itself. */
    record Check(String check, CheckStatus status, String reason) {
        static Check passed(String check, String reason) {
            return new Check(check, CheckStatus.PASSED, reason);
        }

        static Check failed(String check, String reason) {
            return new Check(check, CheckStatus.FAILED, reason);
        }

        static Check skipped(String check, String reason) {
            return new Check(check, CheckStatus.SKIPPED, reason);
        }
    }

    /**
     * @param presentationChecks structure, proof, challenge, domain, holder
     * @param credentialResults  each credential's verification, in order
     */
    record Result(boolean verified, List<Check> presentationChecks, List<VerificationResponse> credentialResults) {
    }

    /**
     * @param expectedChallenge the challenge the caller gave the holder; required when the presentation is signed
     * @param expectedDomain    the domain the presentation must be bound to, or null
     * @param proofless         true for a presentation sent without a proof (VC-API "presentation"): only its
     *                          credentials are verified
     */
    Result verify(ObjectNode presentation, String expectedChallenge, String expectedDomain, boolean proofless) {
        List<Check> checks = new ArrayList<>();
        String structure = structureProblem(presentation);
        checks.add(structure == null ? Check.passed("presentation-structure", "a W3C VC 2.0 VerifiablePresentation")
                : Check.failed("presentation-structure", structure));
        if (proofless) {
            checks.add(Check.skipped("presentation-proof", "sent as a presentation without proof: only its credentials are verified"));
        } else {
            checks.addAll(proofChecks(presentation, expectedChallenge, expectedDomain));
        }
        List<VerificationResponse> results = new ArrayList<>();
        for (JsonNode credential : credentialsOf(presentation)) {
            results.add(VerificationResponse.of(credentials.verify(credential)));
        }
        boolean verified = checks.stream().noneMatch(c -> c.status() == CheckStatus.FAILED)
                && results.stream().allMatch(VerificationResponse::valid);
        return new Result(verified, checks, results);
    }

    private List<Check> proofChecks(ObjectNode presentation, String challenge, String domain) {
        List<Check> checks = new ArrayList<>();
        JsonNode proof = presentation.get("proof");
        List<ProofResult> results;
        try {
            results = proofs.verify(presentation).proofs();
        } catch (RuntimeException e) {
            results = List.of();
        }
        ProofResult signature = results.stream().filter(r -> r.outcome() != ProofResult.Outcome.NOT_A_SIGNATURE)
                .findFirst().orElse(null);
        if (signature == null) {
            checks.add(Check.failed("presentation-proof", "the presentation carries no Data Integrity proof by its holder"));
            checks.add(Check.skipped("challenge", "not checked: no proof"));
            checks.add(Check.skipped("domain", "not checked: no proof"));
            checks.add(Check.skipped("holder", "not checked: no proof"));
            return checks;
        }
        checks.add(signature.valid() ? Check.passed("presentation-proof", signature.cryptosuite() + " signature by "
                + signature.verificationMethod() + " verified (purpose authentication)")
                : Check.failed("presentation-proof", signature.detail()));
        JsonNode signed = proof.isArray() ? proof.get(signature.index()) : proof;

        String stated = signed.path("challenge").isTextual() ? signed.get("challenge").asText() : null;
        if (stated == null) {
            checks.add(Check.failed("challenge", "the proof carries no challenge, so it could be a replay of an old presentation"));
        } else if (!stated.equals(challenge)) {
            checks.add(Check.failed("challenge", "the proof's challenge '" + stated + "' is not the expected one: the "
                    + "presentation was made for another request (replay)"));
        } else {
            checks.add(Check.passed("challenge", "the proof answers the expected challenge"));
        }

        String boundTo = signed.path("domain").isTextual() ? signed.get("domain").asText()
                : signed.path("domain").isArray() && signed.get("domain").size() > 0 ? signed.get("domain").get(0).asText() : null;
        if (domain == null && boundTo == null) {
            checks.add(Check.skipped("domain", "neither the presentation nor the request names a domain"));
        } else if (domain == null) {
            checks.add(Check.failed("domain", "the presentation is bound to the domain '" + boundTo
                    + "'; pass options.domain to accept it"));
        } else if (!domainMatches(signed.get("domain"), domain)) {
            checks.add(Check.failed("domain", "the presentation is bound to " + (boundTo == null ? "no domain" : "'" + boundTo + "'")
                    + ", not to '" + domain + "': it was made for another verifier"));
        } else {
            checks.add(Check.passed("domain", "the proof is bound to " + domain));
        }

        String holder = holderOf(presentation);
        if (holder == null) {
            checks.add(Check.skipped("holder", "the presentation names no holder"));
        } else {
            String controller;
            try {
                controller = holders.resolve(signature.verificationMethod()).controller();
            } catch (DidResolutionException | NullPointerException e) {
                controller = null;
            }
            checks.add(holder.equals(controller) ? Check.passed("holder", "signed by the holder " + holder)
                    : Check.failed("holder", "the proof's key " + signature.verificationMethod()
                    + " is not controlled by the holder " + holder));
        }
        return checks;
    }

    private static boolean domainMatches(JsonNode stated, String expected) {
        if (stated == null) {
            return false;
        }
        if (stated.isTextual()) {
            return stated.asText().equals(expected);
        }
        for (JsonNode d : stated) {
            if (d.asText().equals(expected)) {
                return true;
            }
        }
        return false;
    }

    static String holderOf(JsonNode presentation) {
        JsonNode holder = presentation.get("holder");
        if (holder == null) {
            return null;
        }
        return holder.isTextual() ? holder.asText() : holder.path("id").asText(null);
    }

    static List<JsonNode> credentialsOf(JsonNode presentation) {
        JsonNode vc = presentation.get("verifiableCredential");
        List<JsonNode> out = new ArrayList<>();
        if (vc == null) {
            return out;
        }
        if (vc.isArray()) {
            vc.forEach(out::add);
        } else {
            out.add(vc);
        }
        return out;
    }

    private static String structureProblem(ObjectNode presentation) {
        JsonNode context = presentation.get("@context");
        if (context == null || !context.isArray() || context.isEmpty()
                || !BundledContexts.CREDENTIALS_V2.equals(context.get(0).asText())) {
            return "@context must be an array starting with " + BundledContexts.CREDENTIALS_V2;
        }
        boolean typed = false;
        JsonNode type = presentation.get("type");
        if (type != null && type.isTextual()) {
            typed = type.asText().equals("VerifiablePresentation");
        } else if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                typed |= t.asText().equals("VerifiablePresentation");
            }
        }
        if (!typed) {
            return "type must include VerifiablePresentation";
        }
        for (JsonNode credential : credentialsOf(presentation)) {
            if (!credential.isObject()) {
                return "each verifiableCredential must be a credential object (enveloped credentials are not supported)";
            }
        }
        JsonNode holder = presentation.get("holder");
        if (holder != null && !(holder.isTextual() || holder.path("id").isTextual())) {
            return "holder must be a URL or an object with an id";
        }
        return null;
    }
}

package vn.academicledger.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import vn.academicledger.core.anchor.AnchorReceipt;
import vn.academicledger.core.anchor.CredentialDigest;
import vn.academicledger.core.error.AcademicLedgerException;
import vn.academicledger.core.ledger.BatchAnchor;
import vn.academicledger.core.ledger.IssuerRecord;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.ledger.Revocation;
import vn.academicledger.core.proof.DataIntegrityVerifier;
import vn.academicledger.core.proof.ProofResult;
import vn.academicledger.core.status.StatusListEntry;
import vn.academicledger.core.status.StatusListSource;
import vn.academicledger.core.vc.VerifiableCredential;

/**
 * Verifies a credential against its signature, the department's issuer registry and the ledger's
 * anchors and revocations, and reports every check by name with its reason.
 *
 * <p>Anchors never change once committed, so they are cached; issuer standing and revocations are
 * read from the ledger on every call.
 *
 * <p>Revocation ({@code not-revoked}): the ledger is asked first, by the credential's digest. When
 * the verifier has a {@link StatusListSource} and the credential carries a
 * {@code BitstringStatusListEntry} with purpose {@code revocation}, its status list is read too
 * (see {@link StatusListCheck}); the check then
 * <ul>
 *   <li>FAILS when the ledger or the list says revoked (the reason says which, and for the list
 *       which list and index);</li>
 *   <li>is SKIPPED when the ledger holds no revocation but the list cannot be fetched or trusted:
 *       the revocation status is unknown, so the credential is not valid (not-revoked is required to
 *       pass) yet nothing says it was revoked; the reason names the list and what went wrong;</li>
 *   <li>PASSES only when neither says revoked.</li>
 * </ul>
 * Without a source only the ledger is asked, as before; the reason then says the list was not read.
 */
public final class CredentialVerifier {
    private static final HexFormat HEX = HexFormat.of();

    private final LedgerPort ledger;
    private final DataIntegrityVerifier proofs;
    private final Clock clock;
    private final Function<JsonNode, Optional<CheckResult>> contentCheck;
    private final StatusListCheck statusLists;
    private final Map<String, BatchAnchor> anchors = new ConcurrentHashMap<>();

    /**
     * A verifier that reads revocations from the ledger only.
     *
     * @param contentCheck optional check of the record itself (e.g. recomputing a report card's
     *                     results); returns empty when it does not apply to the credential
     */
    public CredentialVerifier(LedgerPort ledger, Clock clock, Function<JsonNode, Optional<CheckResult>> contentCheck) {
        this(ledger, clock, contentCheck, null);
    }

    /**
     * A verifier that also reads the Bitstring Status Lists credentials name.
     *
     * @param statusLists where status list credentials come from; null to read the ledger only
     */
    public CredentialVerifier(LedgerPort ledger, Clock clock, Function<JsonNode, Optional<CheckResult>> contentCheck,
                              StatusListSource statusLists) {
        this.ledger = ledger;
        this.proofs = new DataIntegrityVerifier(LedgerDidResolver.withDidKey(ledger));
        this.clock = clock;
        this.contentCheck = contentCheck == null ? json -> Optional.empty() : contentCheck;
        this.statusLists = statusLists == null ? null : new StatusListCheck(statusLists, proofs, clock);
    }

    public CredentialVerifier(LedgerPort ledger) {
        this(ledger, Clock.systemUTC(), null);
    }

    public VerificationReport verify(JsonNode json) {
        List<CheckResult> checks = new ArrayList<>();
        String id = json != null && json.isObject() ? json.path("id").asText(null) : null;
        try {
            VerifiableCredential.validate(json);
        } catch (AcademicLedgerException e) {
            checks.add(CheckResult.failed(CheckName.STRUCTURE, e.getMessage()));
            for (CheckName other : CheckName.values()) {
                if (other != CheckName.STRUCTURE && other != CheckName.RESULTS_CONSISTENT) {
                    checks.add(CheckResult.skipped(other, "not checked: the credential is not a well-formed VC 2.0 document"));
                }
            }
            return new VerificationReport(id, checks);
        }
        ObjectNode credential = (ObjectNode) json;
        checks.add(CheckResult.passed(CheckName.STRUCTURE, "a well-formed W3C VC 2.0 credential"));

        ProofOutcome proof = checkProof(credential);
        checks.add(proof.result);
        String issuerDid = VerifiableCredential.of(credential).issuer();
        Optional<IssuerRecord> issuer = findIssuer(issuerDid);
        checks.add(checkIssuer(issuerDid, issuer, proof));
        AnchorOutcome anchored = checkAnchor(credential, issuer);
        checks.add(anchored.result);
        checks.add(checkRevocation(credential, anchored.digestHex, issuerDid));
        checks.add(checkValidity(credential));
        contentCheck.apply(credential).ifPresent(checks::add);
        return new VerificationReport(id, checks);
    }

    private record ProofOutcome(CheckResult result, String verificationMethod, String publicKeyMultibase, Instant created) {
    }

    private ProofOutcome checkProof(ObjectNode credential) {
        List<ProofResult> results = proofs.verify(credential).proofs();
        List<ProofResult> signatures = results.stream().filter(r -> r.outcome() != ProofResult.Outcome.NOT_A_SIGNATURE).toList();
        Optional<ProofResult> failure = signatures.stream().filter(r -> r.outcome().isFailure()).findFirst();
        if (failure.isPresent()) {
            ProofResult f = failure.get();
            Map<String, String> d = new LinkedHashMap<>();
            d.put("outcome", f.outcome().name());
            if (f.cryptosuite() != null) {
                d.put("cryptosuite", f.cryptosuite());
            }
            if (f.verificationMethod() != null) {
                d.put("verificationMethod", f.verificationMethod());
            }
            return new ProofOutcome(CheckResult.failed(CheckName.PROOF, f.detail(), d), null, null, null);
        }
        if (signatures.isEmpty()) {
            return new ProofOutcome(CheckResult.failed(CheckName.PROOF, "the credential carries no Data Integrity signature"),
                    null, null, null);
        }
        ProofResult ok = signatures.get(0);
        String multibase = ok.publicKeyMultibase();
        Instant created = createdOf(credential, ok.index());
        Map<String, String> d = new LinkedHashMap<>();
        d.put("cryptosuite", ok.cryptosuite());
        d.put("verificationMethod", ok.verificationMethod());
        if (created != null) {
            d.put("created", created.toString());
        }
        return new ProofOutcome(CheckResult.passed(CheckName.PROOF, ok.cryptosuite() + " signature verified with "
                + ok.verificationMethod(), d), ok.verificationMethod(), multibase, created);
    }

    private static Instant createdOf(ObjectNode credential, int index) {
        JsonNode proof = credential.get("proof");
        JsonNode p = proof.isArray() ? proof.get(index) : proof;
        try {
            return p.hasNonNull("created") ? Instant.parse(p.get("created").asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Optional<IssuerRecord> findIssuer(String did) {
        try {
            return ledger.findIssuerByDid(did);
        } catch (AcademicLedgerException e) {
            return Optional.empty();
        }
    }

    private CheckResult checkIssuer(String issuerDid, Optional<IssuerRecord> issuer, ProofOutcome proof) {
        if (issuer.isEmpty()) {
            return CheckResult.failed(CheckName.ISSUER_ACCREDITED, "the issuer " + issuerDid
                    + " is not in the department's registry of accredited schools", Map.of("issuer", issuerDid));
        }
        IssuerRecord current = issuer.get();
        if (proof.publicKeyMultibase == null) {
            return CheckResult.failed(CheckName.ISSUER_ACCREDITED, "cannot tell which key of " + current.schoolCode()
                    + " signed: the signature did not verify", Map.of("schoolCode", current.schoolCode()));
        }
        Instant issuedAt = proof.created != null ? proof.created : clock.instant();
        IssuerRecord atIssuance = null;
        for (IssuerRecord version : ledger.issuerHistory(current.schoolCode())) {
            // A proof's `created` has whole seconds: compare the registry's time at the same resolution.
            if (version.changedAt() != null
                    && !version.changedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(issuedAt)) {
                atIssuance = version;
            }
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("schoolCode", current.schoolCode());
        d.put("issuedAt", issuedAt.toString());
        if (atIssuance == null) {
            return CheckResult.failed(CheckName.ISSUER_ACCREDITED, "school " + current.schoolCode()
                    + " was not yet registered when the credential was signed (" + issuedAt + ")", d);
        }
        d.put("statusAtIssuance", atIssuance.status().name());
        d.put("registryTx", String.valueOf(atIssuance.txId()));
        if (!atIssuance.accredited()) {
            return CheckResult.failed(CheckName.ISSUER_ACCREDITED, "school " + current.schoolCode()
                    + " was suspended when the credential was signed (" + issuedAt + ")", d);
        }
        if (!atIssuance.publicKeysMultibase().contains(proof.publicKeyMultibase)) {
            return CheckResult.failed(CheckName.ISSUER_ACCREDITED, "the signing key " + proof.publicKeyMultibase
                    + " was not registered for school " + current.schoolCode() + " when the credential was signed", d);
        }
        String name = current.name() == null ? current.schoolCode() : current.name() + " (" + current.schoolCode() + ")";
        return CheckResult.passed(CheckName.ISSUER_ACCREDITED, name + " was accredited by the department when it signed", d);
    }

    private record AnchorOutcome(CheckResult result, String digestHex) {
    }

    private AnchorOutcome checkAnchor(ObjectNode credential, Optional<IssuerRecord> issuer) {
        List<JsonNode> receipts = CredentialDigest.receipts(credential);
        if (receipts.isEmpty()) {
            return new AnchorOutcome(CheckResult.failed(CheckName.ANCHORED,
                    "the credential carries no anchoring receipt (MerkleInclusionProof)"), null);
        }
        if (receipts.size() > 1) {
            return new AnchorOutcome(CheckResult.failed(CheckName.ANCHORED,
                    "the credential carries " + receipts.size() + " anchoring receipts; exactly one is expected"), null);
        }
        AnchorReceipt receipt;
        byte[] digest;
        try {
            receipt = AnchorReceipt.fromJson(receipts.get(0));
            digest = CredentialDigest.of(credential, receipt.saltBytes());
        } catch (AcademicLedgerException e) {
            return new AnchorOutcome(CheckResult.failed(CheckName.ANCHORED, e.getMessage()), null);
        }
        String digestHex = HEX.formatHex(digest);
        Map<String, String> d = new LinkedHashMap<>();
        d.put("batchId", receipt.batchId());
        d.put("leafIndex", Integer.toString(receipt.leafIndex()));
        d.put("credentialDigest", digestHex);
        if (!receipt.inclusionProof().verify(digest, receipt.merkleRoot())) {
            return new AnchorOutcome(CheckResult.failed(CheckName.ANCHORED, "the Merkle path in the receipt does not lead from"
                    + " this credential's digest to the batch root " + receipt.merkleRootHex()
                    + ": the credential or its receipt was changed, or the receipt belongs to another credential", d), digestHex);
        }
        Optional<BatchAnchor> anchor;
        try {
            anchor = findBatch(receipt.batchId());
        } catch (AcademicLedgerException e) {
            return new AnchorOutcome(CheckResult.failed(CheckName.ANCHORED, "the ledger could not be read: " + e.getMessage(), d),
                    digestHex);
        }
        if (anchor.isEmpty()) {
            return new AnchorOutcome(CheckResult.failed(CheckName.ANCHORED, "batch " + receipt.batchId()
                    + " is not anchored on the ledger", d), digestHex);
        }
        BatchAnchor a = anchor.get();
        d.put("transactionId", a.txId());
        if (a.blockNumber() >= 0) {
            d.put("block", Long.toString(a.blockNumber()));
        }
        if (a.anchoredAt() != null) {
            d.put("anchoredAt", a.anchoredAt().toString());
        }
        if (!a.merkleRootHex().equalsIgnoreCase(receipt.merkleRootHex())) {
            return new AnchorOutcome(CheckResult.failed(CheckName.ANCHORED, "batch " + receipt.batchId() + " is anchored with root "
                    + a.merkleRootHex() + ", not the receipt's " + receipt.merkleRootHex(), d), digestHex);
        }
        if (a.credentialCount() != receipt.treeSize()) {
            return new AnchorOutcome(CheckResult.failed(CheckName.ANCHORED, "batch " + receipt.batchId() + " holds "
                    + a.credentialCount() + " credentials, the receipt claims " + receipt.treeSize(), d), digestHex);
        }
        if (issuer.isPresent() && !issuer.get().schoolCode().equals(a.issuerCode())) {
            return new AnchorOutcome(CheckResult.failed(CheckName.ANCHORED, "batch " + receipt.batchId() + " was anchored by school "
                    + a.issuerCode() + ", not by the credential's issuer " + issuer.get().schoolCode(), d), digestHex);
        }
        return new AnchorOutcome(CheckResult.passed(CheckName.ANCHORED, "in batch " + receipt.batchId() + " (credential "
                + (receipt.leafIndex() + 1) + " of " + receipt.treeSize() + "), anchored in transaction " + a.txId(), d), digestHex);
    }

    private Optional<BatchAnchor> findBatch(String batchId) {
        BatchAnchor cached = anchors.get(batchId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<BatchAnchor> found = ledger.findBatch(batchId);
        found.ifPresent(a -> anchors.put(batchId, a));
        return found;
    }

    private CheckResult checkRevocation(ObjectNode credential, String digestHex, String issuerDid) {
        if (digestHex == null) {
            return CheckResult.skipped(CheckName.NOT_REVOKED, "not checked: without a valid receipt the credential's digest is unknown");
        }
        Optional<Revocation> revocation;
        try {
            revocation = ledger.findRevocation(digestHex);
        } catch (AcademicLedgerException e) {
            return CheckResult.failed(CheckName.NOT_REVOKED, "the ledger could not be read: " + e.getMessage());
        }
        if (revocation.isPresent()) {
            Revocation r = revocation.get();
            Map<String, String> d = new LinkedHashMap<>();
            d.put("reasonCode", r.reasonCode());
            d.put("revokedAt", String.valueOf(r.revokedAt()));
            d.put("revokedBy", String.valueOf(r.revokedBy()));
            d.put("transactionId", String.valueOf(r.txId()));
            return CheckResult.failed(CheckName.NOT_REVOKED, "revoked on " + r.revokedAt() + " (" + r.reasonCode() + ")", d);
        }
        List<JsonNode> entries = StatusListEntry.entriesOf(credential, StatusListEntry.REVOCATION);
        if (entries.isEmpty()) {
            return CheckResult.passed(CheckName.NOT_REVOKED, "no revocation of this credential is on the ledger");
        }
        if (statusLists == null) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("statusListCredential", entries.get(0).path("statusListCredential").asText());
            d.put("statusListIndex", entries.get(0).path("statusListIndex").asText());
            d.put("statusList", "not read");
            return CheckResult.passed(CheckName.NOT_REVOKED, "no revocation of this credential is on the ledger"
                    + " (its status list was not read: this verifier reads revocations from the ledger only)", d);
        }
        return checkStatusLists(entries, issuerDid);
    }

    private CheckResult checkStatusLists(List<JsonNode> entries, String issuerDid) {
        List<StatusListCheck.Outcome> outcomes = entries.stream().map(e -> statusLists.check(e, issuerDid)).toList();
        for (StatusListCheck.Outcome outcome : outcomes) {
            if (outcome instanceof StatusListCheck.Revoked revoked) {
                StatusListEntry entry = revoked.entry();
                Map<String, String> d = listDetails(entry.statusListCredential(), Integer.toString(entry.statusListIndex()));
                d.put("statusPurpose", entry.statusPurpose());
                d.put("ledger", "no revocation recorded");
                revoked.list().validUntil().ifPresent(u -> d.put("statusListValidUntil", u.toString()));
                return CheckResult.failed(CheckName.NOT_REVOKED, "revoked in the issuer's status list " + entry.statusListCredential()
                        + ": entry " + entry.statusListIndex() + " is set (the ledger holds no revocation of it)", d);
            }
        }
        for (StatusListCheck.Outcome outcome : outcomes) {
            if (outcome instanceof StatusListCheck.Unknown unknown) {
                Map<String, String> d = listDetails(unknown.listUrl(), unknown.index());
                d.put("outcome", "STATUS_LIST_" + unknown.problem().name());
                d.put("ledger", "no revocation recorded");
                return CheckResult.skipped(CheckName.NOT_REVOKED, "revocation status unknown: the ledger holds no revocation"
                        + " of this credential, but " + unknown.reason() + "; it cannot be confirmed not revoked until"
                        + " its status list can be read", d);
            }
        }
        StatusListCheck.Clear first = (StatusListCheck.Clear) outcomes.get(0);
        StatusListEntry entry = first.entry();
        Map<String, String> d = listDetails(entry.statusListCredential(), Integer.toString(entry.statusListIndex()));
        first.list().validUntil().ifPresent(u -> d.put("statusListValidUntil", u.toString()));
        return CheckResult.passed(CheckName.NOT_REVOKED, "no revocation of this credential is on the ledger, and entry "
                + entry.statusListIndex() + " of the issuer's status list " + entry.statusListCredential() + " is not set"
                + (outcomes.size() > 1 ? " (nor in its " + (outcomes.size() - 1) + " other revocation lists)" : ""), d);
    }

    private static Map<String, String> listDetails(String listUrl, String index) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("statusListCredential", listUrl);
        d.put("statusListIndex", index);
        return d;
    }

    private CheckResult checkValidity(ObjectNode credential) {
        VerifiableCredential vc = VerifiableCredential.of(credential);
        Instant now = clock.instant();
        Optional<Instant> from = vc.validFrom();
        Optional<Instant> until = vc.validUntil();
        if (from.isPresent() && from.get().isAfter(now)) {
            return CheckResult.failed(CheckName.NOT_EXPIRED, "not valid before " + from.get(), Map.of("validFrom", from.get().toString()));
        }
        if (until.isPresent() && !until.get().isAfter(now)) {
            return CheckResult.failed(CheckName.NOT_EXPIRED, "expired on " + until.get(), Map.of("validUntil", until.get().toString()));
        }
        return CheckResult.passed(CheckName.NOT_EXPIRED, until.map(u -> "valid until " + u).orElse("valid with no end date"));
    }
}

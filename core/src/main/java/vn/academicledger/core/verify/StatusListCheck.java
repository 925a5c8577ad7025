package vn.academicledger.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.academicledger.core.error.AcademicLedgerException;
import vn.academicledger.core.proof.DataIntegrityVerifier;
import vn.academicledger.core.proof.ProofResult;
import vn.academicledger.core.proof.VerificationReport;
import vn.academicledger.core.status.StatusListCredential;
import vn.academicledger.core.status.StatusListEntry;
import vn.academicledger.core.status.StatusListSource;

/**
 * Reads one credential's entry in a Bitstring Status List: fetches the list through the
 * {@link StatusListSource}, and trusts it only when its signature verifies with a key the
 * department's registry lists, its issuer is the credential's issuer, it is the list the entry
 * names, it is within its validity period and serves the entry's purpose. Anything short of that
 * is {@link Unknown}: the list says nothing either way.
 *
 * <p>A list whose JSON is unchanged since it was last checked is not verified again (the last
 * {@value #CACHE_LIMIT} lists are remembered); issuer, validity and index are checked on every call.
 */
final class StatusListCheck {
    static final int CACHE_LIMIT = 1024;

    /** Why a list could not be used: a stable code for reports, one per way of failing. */
    enum Problem {
        UNREACHABLE, MALFORMED, PROOF_INVALID, NOT_THE_NAMED_LIST, WRONG_ISSUER, NOT_YET_VALID, EXPIRED,
        PURPOSE_MISMATCH, INDEX_OUT_OF_RANGE, UNSUPPORTED_ENTRY
    }

    sealed interface Outcome permits Clear, Revoked, Unknown {
    }

    /** The entry is not set. */
    record Clear(StatusListEntry entry, StatusListCredential list) implements Outcome {
    }

    /** The entry is set: the issuer revoked the credential. */
    record Revoked(StatusListEntry entry, StatusListCredential list) implements Outcome {
    }

    /** The list could not be trusted or read; {@code reason} says why, naming the list. */
    record Unknown(String listUrl, String index, Problem problem, String reason) implements Outcome {
    }

    private record Checked(JsonNode json, StatusListCredential list) {
    }

    /** A list that can be trusted, or why not. */
    private record Trust(StatusListCredential list, Unknown refusal) {
    }

    private final StatusListSource source;
    private final DataIntegrityVerifier proofs;
    private final Clock clock;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    StatusListCheck(StatusListSource source, DataIntegrityVerifier proofs, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.proofs = proofs;
        this.clock = clock;
    }

    /** The status of one credential entry (the JSON of a BitstringStatusListEntry) of a credential issued by {@code issuerDid}. */
    Outcome check(JsonNode entryJson, String issuerDid) {
        StatusListEntry entry;
        try {
            entry = StatusListEntry.fromJson(entryJson);
        } catch (AcademicLedgerException e) {
            return new Unknown(entryJson.path("statusListCredential").asText(""), entryJson.path("statusListIndex").asText(""),
                    Problem.UNSUPPORTED_ENTRY, "its status entry cannot be read: " + e.getMessage());
        }
        String url = entry.statusListCredential();
        String index = Integer.toString(entry.statusListIndex());
        StatusListSource.Fetched fetched;
        try {
            fetched = source.fetch(url);
        } catch (RuntimeException e) {
            fetched = StatusListSource.unavailable(e.toString());
        }
        if (fetched instanceof StatusListSource.Unavailable unavailable) {
            return new Unknown(url, index, Problem.UNREACHABLE, "the status list " + url + " could not be fetched: "
                    + unavailable.reason());
        }
        JsonNode json = ((StatusListSource.Found) fetched).credential();
        Trust trust = trust(url, index, json);
        if (trust.refusal() != null) {
            return trust.refusal();
        }
        StatusListCredential list = trust.list();
        if (!list.issuer().equals(issuerDid)) {
            return new Unknown(url, index, Problem.WRONG_ISSUER, "the status list " + url + " is issued by " + list.issuer()
                    + ", not by the credential's issuer " + issuerDid);
        }
        Instant now = clock.instant();
        Optional<Instant> from = list.validFrom();
        if (from.isPresent() && from.get().isAfter(now)) {
            return new Unknown(url, index, Problem.NOT_YET_VALID, "the status list " + url + " is not valid before " + from.get());
        }
        Optional<Instant> until = list.validUntil();
        if (until.isPresent() && !until.get().isAfter(now)) {
            return new Unknown(url, index, Problem.EXPIRED, "the status list " + url + " expired on " + until.get()
                    + " (the issuer has not published a current one)");
        }
        if (!list.statusPurposes().contains(entry.statusPurpose())) {
            return new Unknown(url, index, Problem.PURPOSE_MISMATCH, "the status list " + url + " serves "
                    + list.statusPurposes() + ", not the entry's purpose " + entry.statusPurpose());
        }
        if (entry.statusListIndex() >= list.size()) {
            return new Unknown(url, index, Problem.INDEX_OUT_OF_RANGE, "index " + index + " is beyond the status list " + url
                    + " (" + list.size() + " entries)");
        }
        return list.isSet(entry.statusListIndex()) ? new Revoked(entry, list) : new Clear(entry, list);
    }

    /** The list if its JSON is a status list credential with a valid signature and the id the entry names. */
    private Trust trust(String url, String index, JsonNode json) {
        Checked previous = checked.get(url);
        StatusListCredential list;
        if (previous != null && previous.json.equals(json)) {
            list = previous.list;
        } else {
            try {
                list = StatusListCredential.read(json);
            } catch (AcademicLedgerException e) {
                return refused(new Unknown(url, index, Problem.MALFORMED, "the document at " + url + " is not a usable status list: "
                        + e.getMessage()));
            }
            VerificationReport report = proofs.verify(json);
            if (!report.verified()) {
                String why = report.failures().stream().findFirst().map(ProofResult::detail)
                        .orElse("it carries no Data Integrity signature");
                return refused(new Unknown(url, index, Problem.PROOF_INVALID, "the status list " + url
                        + " does not carry a valid signature of its issuer: " + why));
            }
            if (checked.size() >= CACHE_LIMIT) {
                checked.clear();
            }
            checked.put(url, new Checked(json.deepCopy(), list));
        }
        if (!list.id().equals(url)) {
            return refused(new Unknown(url, index, Problem.NOT_THE_NAMED_LIST, "the document at " + url
                    + " is the status list " + list.id() + ", not the one the credential names"));
        }
        return new Trust(list, null);
    }

    private static Trust refused(Unknown why) {
        return new Trust(null, why);
    }
}

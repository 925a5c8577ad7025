package vn.academicledger.core.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.vc.CredentialBuilder;
import vn.academicledger.core.vc.VerifiableCredential;

/**
 * A status list credential ({@code BitstringStatusListCredential}) as a verifier reads it, and
 * {@link #builder(String, String)} to make one as an issuer.
 *
 * <pre>{@code
 * ObjectNode unsigned = StatusListCredential.builder(listUrl, schoolDid)
 *         .list(bitstring)
 *         .validFrom(now)
 *         .validUntil(now.plus(Duration.ofDays(1)))
 *         .buildJson();
 * ObjectNode published = new DataIntegritySigner().sign(unsigned,
 *         ProofOptions.assertion(Cryptosuite.EDDSA_JCS_2022, schoolDid + "#" + key.publicKey().multibase(), now), key);
 * }</pre>
 * gives (before the proof)
 * <pre>{@code
 * {"@context": ["https://www.w3.org/ns/credentials/v2"],
 *  "id": "https://issuer.example.vn/status-lists/79000701/3",
 *  "type": ["VerifiableCredential", "BitstringStatusListCredential"],
 *  "issuer": "did:web:thptbennghe.hcm.edu.vn",
 *  "validFrom": "2026-11-25T00:00:00Z", "validUntil": "2026-11-26T00:00:00Z",
 *  "credentialSubject": {"id": "https://issuer.example.vn/status-lists/79000701/3#list", "type": "BitstringStatusList",
 *                        "statusPurpose": "revocation", "encodedList": "uH4sIAAAAAAAA…"}}
 * }</pre>
 * Every term is defined by the VC 2.0 context, so both eddsa-jcs-2022 and eddsa-rdfc-2022 sign it.
 *
 * @param id            the list's URL; a credential's {@code statusListCredential} must name exactly it
 * @param issuer        the issuer's DID
 * @param statusPurposes the purposes the list serves ({@code credentialSubject.statusPurpose}, one or several)
 * @param validFrom     when the list starts to hold, if stated
 * @param validUntil    when the list stops being current, if stated
 */
public record StatusListCredential(String id, String issuer, List<String> statusPurposes, Bitstring list,
                                   Optional<Instant> validFrom, Optional<Instant> validUntil) {
    public static final String TYPE = "BitstringStatusListCredential";
    public static final String SUBJECT_TYPE = "BitstringStatusList";

    public StatusListCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        statusPurposes = List.copyOf(statusPurposes);
        list = list.copy();
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    /** The bits, a copy. */
    @Override
    public Bitstring list() {
        return list.copy();
    }

    /**
     * Whether entry {@code index} is set (for revocation: revoked).
     *
     * @throws InvalidInputException for an index beyond the list (see {@link #size()})
     */
    public boolean isSet(int index) {
        return list.get(index);
    }

    public int size() {
        return list.size();
    }

    /**
     * Reads a status list credential (its proof is not checked here), refusing what is not one.
     *
     * @param maxDecodedBytes the largest bitstring to expand (see {@link Bitstring#decode(String, int)})
     * @throws InvalidInputException naming the property that is missing or malformed
     */
    public static StatusListCredential read(JsonNode json, int maxDecodedBytes) {
        VerifiableCredential vc;
        try {
            if (json == null || !json.isObject()) {
                throw new InvalidInputException("a status list credential is a JSON object, got "
                        + (json == null ? "nothing" : json.getNodeType()));
            }
            vc = VerifiableCredential.of((ObjectNode) json);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Not a status list credential: " + e.getMessage(), e);
        }
        if (!vc.types().contains(TYPE)) {
            throw invalid("its type " + vc.types() + " does not include " + TYPE);
        }
        String id = vc.id().orElseThrow(() -> invalid("it has no id; a status list's id is the URL it is published at"));
        JsonNode subject = json.get("credentialSubject");
        if (!subject.isObject()) {
            throw invalid("its credentialSubject must be one " + SUBJECT_TYPE + " object, got " + subject.getNodeType());
        }
        JsonNode subjectType = subject.get("type");
        boolean typed = subjectType != null && (SUBJECT_TYPE.equals(subjectType.textValue())
                || subjectType.isArray() && contains(subjectType, SUBJECT_TYPE));
        if (!typed) {
            throw invalid("credentialSubject.type must be " + SUBJECT_TYPE + ", got " + subjectType);
        }
        List<String> purposes = new ArrayList<>();
        JsonNode purpose = subject.get("statusPurpose");
        if (purpose != null && purpose.isTextual() && !purpose.textValue().isBlank()) {
            purposes.add(purpose.textValue());
        } else if (purpose != null && purpose.isArray() && !purpose.isEmpty()) {
            for (JsonNode p : purpose) {
                if (!p.isTextual() || p.textValue().isBlank()) {
                    throw invalid("credentialSubject.statusPurpose holds " + p + "; purposes are strings");
                }
                purposes.add(p.textValue());
            }
        } else {
            throw invalid("credentialSubject.statusPurpose must be a purpose such as \"revocation\", got " + purpose);
        }
        JsonNode encoded = subject.get("encodedList");
        if (encoded == null || !encoded.isTextual()) {
            throw invalid("credentialSubject.encodedList must be a string, got " + encoded);
        }
        Bitstring bits = Bitstring.decode(encoded.textValue(), maxDecodedBytes);
        return new StatusListCredential(id, vc.issuer(), purposes, bits, vc.validFrom(), vc.validUntil());
    }

    /** {@link #read(JsonNode, int)} with {@link Bitstring#DEFAULT_MAX_DECODED_BYTES}. */
    public static StatusListCredential read(JsonNode json) {
        return read(json, Bitstring.DEFAULT_MAX_DECODED_BYTES);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.textValue())) {
                return true;
            }
        }
        return false;
    }

    private static InvalidInputException invalid(String problem) {
        return new InvalidInputException("Not a valid status list credential: " + problem);
    }

    /**
     * Starts an unsigned status list credential published at {@code listUrl} (see
     * {@link StatusListEntry#listUrl}) and issued by {@code issuerDid}; purpose revocation, an
     * empty list of {@value Bitstring#MINIMUM_SIZE} entries unless {@link Builder#list} says otherwise.
     */
    public static Builder builder(String listUrl, String issuerDid) {
        return new Builder(listUrl, issuerDid);
    }

    /** Builds the unsigned JSON of a status list credential. */
    public static final class Builder {
        private final String listUrl;
        private final String issuerDid;
        private String issuerName;
        private String purpose = StatusListEntry.REVOCATION;
        private Bitstring list = new Bitstring();
        private Instant validFrom;
        private Instant validUntil;
        private Duration ttl;

        private Builder(String listUrl, String issuerDid) {
            // The entry's own checks: an http(s) URL with a host and no fragment.
            StatusListEntry.revocation(listUrl, 0);
            this.listUrl = listUrl;
            this.issuerDid = Objects.requireNonNull(issuerDid, "issuerDid");
        }

        /** Writes the issuer as an object with its Vietnamese name, as the school's credentials do. */
        public Builder issuerName(String vietnameseName) {
            this.issuerName = Objects.requireNonNull(vietnameseName, "vietnameseName");
            return this;
        }

        /** The purpose; {@value StatusListEntry#REVOCATION} by default. */
        public Builder statusPurpose(String statusPurpose) {
            if (statusPurpose == null || statusPurpose.isBlank()) {
                throw new InvalidInputException("A status list's statusPurpose is a non-empty string such as \"revocation\"");
            }
            this.purpose = statusPurpose;
            return this;
        }

        /** The bits (copied now, so later changes to {@code bits} do not leak into the credential). */
        public Builder list(Bitstring bits) {
            this.list = bits.copy();
            return this;
        }

        public Builder validFrom(Instant instant) {
            this.validFrom = Objects.requireNonNull(instant, "validFrom");
            return this;
        }

        /**
         * When verifiers must stop trusting this copy of the list. Keep it short (hours to a day)
         * and re-sign the list before it passes: a copy replayed after a revocation is then refused.
         */
        public Builder validUntil(Instant instant) {
            this.validUntil = Objects.requireNonNull(instant, "validUntil");
            return this;
        }

        /** The spec's optional {@code ttl}: how long a verifier may cache the list (written in milliseconds). */
        public Builder ttl(Duration ttl) {
            if (ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw new InvalidInputException("A status list's ttl is a positive duration, got " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * The unsigned credential, validated as VC 2.0.
         *
         * @throws InvalidInputException when validUntil is before validFrom
         */
        public ObjectNode buildJson() {
            ObjectNode subject = JsonNodeFactory.instance.objectNode();
            subject.put("id", listUrl + "#list");
            subject.put("type", SUBJECT_TYPE);
            subject.put("statusPurpose", purpose);
            subject.put("encodedList", list.encode());
            if (ttl != null) {
                subject.put("ttl", ttl.toMillis());
            }
            CredentialBuilder credential = VerifiableCredential.builder()
                    .id(listUrl)
                    .type(TYPE)
                    .credentialSubject(subject);
            if (issuerName != null) {
                credential.issuer(issuerDid, issuerName);
            } else {
                credential.issuer(issuerDid);
            }
            if (validFrom != null) {
                credential.validFrom(validFrom);
            }
            if (validUntil != null) {
                credential.validUntil(validUntil);
            }
            return credential.buildJson();
        }
    }
}

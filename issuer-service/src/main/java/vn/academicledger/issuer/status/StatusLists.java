package vn.academicledger.issuer.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.academicledger.core.crypto.SigningKey;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.proof.DataIntegritySigner;
import vn.academicledger.core.proof.ProofOptions;
import vn.academicledger.core.status.Bitstring;
import vn.academicledger.core.status.StatusListCredential;
import vn.academicledger.issuer.revocation.CredentialRevoked;
import vn.academicledger.issuer.schools.SigningKeys;
import vn.academicledger.issuer.system.IssuerProperties;

/**
 * The schools' Bitstring Status List credentials, signed by each school's key and kept signed in
 * memory. A list is signed again when one of its credentials is revoked (after the revocation
 * commits), when it is older than {@code issuer.status-lists.refresh}, or when the school's key
 * changed; otherwise every request gets the same bytes.
 *
 * <p>Signed with eddsa-jcs-2022: the list uses only VC 2.0 terms and is re-signed often (every
 * revocation, every few minutes), and JCS signs the JSON as written without JSON-LD expansion — cheaper
 * to sign here and for every verifier that fetches the list, with nothing to resolve.
 *
 * <p>Each list has its own lock: building one reads the revoked indexes and signs while holding it,
 * and a revocation's invalidation takes the same lock, so a list built from a read made before a
 * revocation committed can never outlive that revocation.
 */
@Component
class StatusLists {
    static final Cryptosuite SUITE = Cryptosuite.EDDSA_JCS_2022;
    private static final Logger LOG = LoggerFactory.getLogger(StatusLists.class);
    private static final DataIntegritySigner SIGNER = new DataIntegritySigner();

    private final JdbcClient jdbc;
    private final SigningKeys keys;
    private final IssuerProperties properties;
    private final StatusListSettings settings;
    private final Clock clock;
    private final Map<ListId, Slot> slots = new ConcurrentHashMap<>();

    StatusLists(JdbcClient jdbc, SigningKeys keys, IssuerProperties properties, StatusListSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
    }

    record ListId(String schoolCode, int listNumber) {
    }

    /** What a list is built from: the school, the list's size. */
    private record ListInfo(String did, String schoolName, int size) {
    }

    /** A list's lock and its current signed copy. */
    private static final class Slot {
        private final ListInfo info;
        private PublishedStatusList published;

        private Slot(ListInfo info) {
            this.info = info;
        }
    }

    StatusListSettings settings() {
        return settings;
    }

    /** The list's URL; exactly what issued credentials name in {@code statusListCredential}. */
    String url(ListId id) {
        return properties.publicBaseUrl() + "/status-lists/" + id.schoolCode() + "/" + id.listNumber();
    }

    /** The current signed list, signing it first when needed; empty for a list that does not exist. */
    Optional<PublishedStatusList> current(ListId id) {
        Slot slot = slots.get(id);
        if (slot == null) {
            Optional<ListInfo> info = find(id);
            if (info.isEmpty()) {
                return Optional.empty();
            }
            slot = slots.computeIfAbsent(id, k -> new Slot(info.get()));
        }
        synchronized (slot) {
            Instant now = clock.instant();
            PublishedStatusList published = slot.published;
            SigningKey key = keys.signingKey(id.schoolCode());
            if (published == null || published.dueAt(now, settings.refresh())
                    || !published.signingKey().equals(key.publicKey().multibase())) {
                published = sign(id, slot.info, key, now);
                slot.published = published;
            }
            return Optional.of(published);
        }
    }

    /** After a revocation commits: the list that holds its bit is signed again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void revoked(CredentialRevoked event) {
        ListId id = new ListId(event.schoolCode(), event.statusList());
        Slot slot = slots.get(id);
        if (slot != null) {
            synchronized (slot) {
                slot.published = null;
            }
        }
        try {
            current(id);
        } catch (RuntimeException e) {
            // The list stays unsigned in memory; the next request signs it.
            LOG.warn("Could not sign status list {} after a revocation; the next request will: {}", url(id), e.getMessage());
        }
    }

    private PublishedStatusList sign(ListId id, ListInfo info, SigningKey key, Instant now) {
        List<Integer> revoked = jdbc.sql("""
                        select status_index from credentials
                        where school_code = ? and status_list = ? and revoked_at is not null""")
                .params(id.schoolCode(), id.listNumber())
                .query(Integer.class).list();
        Bitstring bits = Bitstring.ofSize(info.size());
        for (int index : revoked) {
            bits.set(index, true);
        }
        Instant signedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant validUntil = signedAt.plus(settings.refresh()).plus(settings.grace());
        ObjectNode unsigned = StatusListCredential.builder(url(id), info.did())
                .issuerName(info.schoolName())
                .list(bits)
                .validFrom(signedAt)
                .validUntil(validUntil)
                .ttl(settings.maxAge())
                .buildJson();
        String multibase = key.publicKey().multibase();
        ObjectNode signed = SIGNER.sign(unsigned, ProofOptions.assertion(SUITE, info.did() + "#" + multibase, signedAt), key);
        LOG.debug("Signed status list {} ({} revoked)", url(id), revoked.size());
        return PublishedStatusList.of(signed.toString(), signedAt, validUntil, multibase, revoked.size());
    }

    private Optional<ListInfo> find(ListId id) {
        return jdbc.sql("""
                        select s.did, s.name, l.size from status_lists l join schools s on s.code = l.school_code
                        where l.school_code = ? and l.list_number = ?""")
                .params(id.schoolCode(), id.listNumber())
                .query((rs, n) -> new ListInfo(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional();
    }
}

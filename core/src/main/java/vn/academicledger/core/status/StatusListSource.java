package vn.academicledger.core.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Gives the status list credential published at a URL, as JSON, or says why it cannot. A verifier
 * plugs in an HTTP client with its own rules (allowed hosts, timeouts, size, cache); tests plug in a map.
 *
 * <p>Implementations answer {@link Unavailable} for every failure (refused URL, network error,
 * timeout, not JSON, too large) rather than throwing, must not change a node they have handed out,
 * and need not check the credential: the verifier checks its proof, issuer and validity itself.
 */
@FunctionalInterface
public interface StatusListSource {

    /** The status list credential at {@code url} (a credential's {@code statusListCredential}), or why not. */
    Fetched fetch(String url);

    /** What fetching a status list gave. */
    sealed interface Fetched permits Found, Unavailable {
    }

    /** The JSON published at the URL (not yet checked). */
    record Found(JsonNode credential) implements Fetched {
        public Found {
            Objects.requireNonNull(credential, "credential");
        }
    }

    /** Nothing usable: {@code reason} is a sentence saying why (refused host, HTTP 404, timed out after 3 s, …). */
    record Unavailable(String reason) implements Fetched {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static Fetched found(JsonNode credential) {
        return new Found(credential);
    }

    static Fetched unavailable(String reason) {
        return new Unavailable(reason);
    }
}

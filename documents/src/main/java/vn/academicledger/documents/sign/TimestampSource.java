package vn.academicledger.documents.sign;

import java.security.cert.X509Certificate;
import java.util.List;

/** A time-stamping authority (RFC 3161). */
public interface TimestampSource {
    /**
     * A time-stamp token over a SHA-256 {@code digest}: the DER-encoded CMS ContentInfo that RFC 3161
     * calls TimeStampToken, checked to be over that digest.
     *
     * @throws SigningException {@code TIMESTAMP_FAILED} when the authority cannot be reached or refuses
     */
    byte[] timestamp(byte[] digest);

    /** The authority's certificate and its issuers, for long-term validation data; may be empty. */
    default List<X509Certificate> certificateChain() {
        return List.of();
    }
}

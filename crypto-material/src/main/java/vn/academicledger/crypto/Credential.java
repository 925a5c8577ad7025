package vn.academicledger.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A certificate and the private key that belongs to it. */
record Credential(X509Certificate certificate, PrivateKey privateKey) {
    Credential {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}

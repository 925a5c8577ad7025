package vn.academicledger.issuer.schools;

import vn.academicledger.core.crypto.SigningKey;

/** Where each school's credential-signing key lives (PKCS#12 files in development, a PKCS#11 token in production). */
public interface SigningKeys {
    /** The school's active key, created on first use. */
    SigningKey signingKey(String schoolCode);

    /** A new active key for the school; the old one is kept for history. */
    SigningKey rotate(String schoolCode);
}

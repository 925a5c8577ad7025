package vn.academicledger.issuer.keys;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EC_PARAMS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_EC_POINT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_EC_EDWARDS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_EDDSA;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_SIGN;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11KeyId;
import org.xipki.pkcs11.wrapper.PKCS11Token;
import org.xipki.pkcs11.wrapper.TokenException;

import vn.academicledger.core.crypto.Ed25519PublicKey;
import vn.academicledger.core.crypto.SigningKey;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.issuer.keys.SchoolKeysProperties.Pkcs11;
import vn.academicledger.issuer.keys.SchoolKeyException.Reason;

/**
 * A school's Ed25519 key on a PKCS#11 token: every signature is made by the token (CKM_EDDSA,
 * pure Ed25519), the private key never leaves it. Opening finds the key by label and/or id, reads
 * its public key object, and checks once that the two belong together (the token signs a random
 * challenge that must verify with the public key) and, when configured, that it is the expected
 * key. Thread-safe: each signature borrows a logged-in session from the token's pool.
 */
final class HsmSigningKey implements SigningKey, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HsmSigningKey.class);
    /** DER OID 1.3.101.112 (id-Ed25519), as PKCS#11 3.0 names the curve. */
    private static final byte[] ED25519_OID = {0x06, 0x03, 0x2b, 0x65, 0x70};
    /** DER PrintableString "edwards25519", the other name PKCS#11 3.0 allows. */
    private static final byte[] ED25519_NAME = derPrintableString("edwards25519");

    private final String schoolCode;
    private final String description;
    private final Pkcs11Library library;
    private final PKCS11Token token;
    private final long privateKeyHandle;
    private final Ed25519PublicKey publicKey;
    private volatile boolean closed;

    private HsmSigningKey(String schoolCode, String description, Pkcs11Library library, PKCS11Token token,
                          long privateKeyHandle, Ed25519PublicKey publicKey) {
        this.schoolCode = schoolCode;
        this.description = description;
        this.library = library;
        this.token = token;
        this.privateKeyHandle = privateKeyHandle;
        this.publicKey = publicKey;
    }

    /** Opens and checks the key {@code settings} name. Close it to release the token. */
    static HsmSigningKey open(String schoolCode, Pkcs11 settings) {
        checkComplete(schoolCode, settings);
        String description = describe(settings);
        Pkcs11Library library = Pkcs11Library.acquire(settings.module(), schoolCode);
        try {
            PKCS11Token token = library.token(blankToNull(settings.tokenLabel()), settings.slot(), settings.pin(), schoolCode);
            if (!token.supportsMechanism(CKM_EDDSA, CKF_SIGN)) {
                throw new SchoolKeyException(Reason.HSM_UNAVAILABLE, schoolCode,
                        "The PKCS#11 token of " + description + " cannot sign with CKM_EDDSA (Ed25519)");
            }
            PKCS11KeyId keyId = findPrivateKey(schoolCode, token, settings, description);
            Ed25519PublicKey publicKey = readPublicKey(schoolCode, token, keyId, description);
            HsmSigningKey key = new HsmSigningKey(schoolCode, description, library, token, keyId.getHandle(), publicKey);
            key.checkPair(settings);
            LOG.info("School {}: signs credentials with {} ({})", schoolCode, description, publicKey.multibase());
            return key;
        } catch (RuntimeException e) {
            library.release();
            throw e;
        }
    }

    @Override
    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] message) {
        if (closed) {
            throw new SchoolKeyException(Reason.HSM_UNAVAILABLE, schoolCode, "The key " + description + " was closed");
        }
        byte[] signature;
        try {
            signature = token.sign(new Mechanism(CKM_EDDSA), privateKeyHandle, message);
        } catch (TokenException e) {
            throw new SchoolKeyException(Reason.HSM_SIGNING_FAILED, schoolCode,
                    "The PKCS#11 token failed to sign with " + description + ": " + e.getMessage(), e);
        }
        if (signature == null || signature.length != 64) {
            throw new SchoolKeyException(Reason.HSM_SIGNING_FAILED, schoolCode, "The PKCS#11 token returned "
                    + (signature == null ? "no signature" : signature.length + " bytes") + " for " + description
                    + ", not a 64-byte Ed25519 signature");
        }
        return signature;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            library.release();
        }
    }

    @Override
    public String toString() {
        return "SchoolKey[" + schoolCode + " PKCS11 " + description + " " + publicKey.multibase() + "]";
    }

    private void checkPair(Pkcs11 settings) {
        if (settings.expectedPublicKey() != null && !settings.expectedPublicKey().isBlank()) {
            Ed25519PublicKey expected;
            try {
                expected = Ed25519PublicKey.fromMultibase(settings.expectedPublicKey().strip());
            } catch (InvalidInputException e) {
                throw new SchoolKeyException(Reason.KEY_STORE_MISCONFIGURED, schoolCode,
                        "expected-public-key of school " + schoolCode + " is not an Ed25519 publicKeyMultibase: " + e.getMessage(), e);
            }
            if (!expected.equals(publicKey)) {
                throw new SchoolKeyException(Reason.HSM_KEY_MISMATCH, schoolCode, "The token holds " + publicKey.multibase()
                        + " under " + description + ", not the expected " + expected.multibase());
            }
        }
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        if (!publicKey.verify(challenge, sign(challenge))) {
            throw new SchoolKeyException(Reason.HSM_KEY_MISMATCH, schoolCode, "The private key " + description
                    + " does not make signatures that its public key object (" + publicKey.multibase() + ") verifies");
        }
    }

    private static PKCS11KeyId findPrivateKey(String schoolCode, PKCS11Token token, Pkcs11 settings, String description) {
        AttributeVector criteria = AttributeVector.newPrivateKey(CKK_EC_EDWARDS);
        if (blankToNull(settings.keyLabel()) != null) {
            criteria.label(settings.keyLabel());
        }
        if (blankToNull(settings.keyId()) != null) {
            criteria.id(keyIdBytes(schoolCode, settings.keyId()));
        }
        PKCS11KeyId keyId;
        AttributeVector attributes;
        try {
            keyId = token.getKeyId(criteria);
            if (keyId == null) {
                throw new SchoolKeyException(Reason.HSM_KEY_NOT_FOUND, schoolCode,
                        "The PKCS#11 token has no Ed25519 (CKK_EC_EDWARDS) private key " + description);
            }
            attributes = token.getAttrValues(keyId.getHandle(), CKA_EC_PARAMS);
        } catch (TokenException e) {
            throw new SchoolKeyException(Reason.HSM_KEY_NOT_FOUND, schoolCode,
                    "Cannot look up the private key " + description + ": " + e.getMessage(), e);
        }
        byte[] curve = attributes.ecParams();
        if (curve != null && !Arrays.equals(curve, ED25519_OID) && !Arrays.equals(curve, ED25519_NAME)) {
            throw new SchoolKeyException(Reason.HSM_KEY_NOT_FOUND, schoolCode, "The private key " + description
                    + " is an Edwards key on another curve (CKA_EC_PARAMS " + HexFormat.of().formatHex(curve) + "), not Ed25519");
        }
        return keyId;
    }

    private static Ed25519PublicKey readPublicKey(String schoolCode, PKCS11Token token, PKCS11KeyId keyId, String description) {
        Long handle = keyId.getPublicKeyHandle();
        try {
            if (handle == null && keyId.getLabel() != null) {
                PKCS11KeyId byLabel = token.getKeyId(AttributeVector.newPublicKey(CKK_EC_EDWARDS).label(keyId.getLabel()));
                handle = byLabel == null ? null : byLabel.getHandle();
            }
            if (handle == null) {
                throw new SchoolKeyException(Reason.HSM_KEY_NOT_FOUND, schoolCode, "The private key " + description
                        + " has no public key object with the same CKA_ID or label on the token");
            }
            byte[] point = token.getAttrValues(handle, CKA_EC_POINT).ecPoint();
            return Ed25519PublicKey.of(rawPoint(point));
        } catch (TokenException | InvalidInputException e) {
            throw new SchoolKeyException(Reason.HSM_KEY_NOT_FOUND, schoolCode,
                    "Cannot read the public key of " + description + ": " + e.getMessage(), e);
        }
    }

    /** CKA_EC_POINT of an Edwards key: the 32 bytes, bare or (as most tokens give it) in a DER OCTET STRING. */
    static byte[] rawPoint(byte[] point) {
        if (point != null && point.length == 34 && point[0] == 0x04 && point[1] == 32) {
            return Arrays.copyOfRange(point, 2, 34);
        }
        if (point != null && point.length == 32) {
            return point;
        }
        throw new InvalidInputException("CKA_EC_POINT is not an Ed25519 public key ("
                + (point == null ? "absent" : point.length + " bytes") + ")");
    }

    private static void checkComplete(String schoolCode, Pkcs11 settings) {
        String missing = settings == null ? "pkcs11.module, pkcs11.token-label (or slot), pkcs11.key-label (or key-id), pkcs11.pin"
                : settings.module() == null ? "pkcs11.module"
                : blankToNull(settings.tokenLabel()) == null && settings.slot() == null ? "pkcs11.token-label (or pkcs11.slot)"
                : blankToNull(settings.keyLabel()) == null && blankToNull(settings.keyId()) == null ? "pkcs11.key-label (or pkcs11.key-id)"
                : settings.pin() == null ? "pkcs11.pin"
                : null;
        if (missing != null) {
            throw new SchoolKeyException(Reason.KEY_STORE_MISCONFIGURED, schoolCode,
                    "School " + schoolCode + " keeps its key in PKCS11 but issuer.keys.schools." + schoolCode + " lacks " + missing);
        }
    }

    private static byte[] keyIdBytes(String schoolCode, String hex) {
        try {
            return HexFormat.of().parseHex(hex.strip().replace(":", ""));
        } catch (IllegalArgumentException e) {
            throw new SchoolKeyException(Reason.KEY_STORE_MISCONFIGURED, schoolCode,
                    "pkcs11.key-id of school " + schoolCode + " is not hex: " + hex, e);
        }
    }

    private static String describe(Pkcs11 settings) {
        StringBuilder text = new StringBuilder();
        if (blankToNull(settings.keyLabel()) != null) {
            text.append("label '").append(settings.keyLabel()).append("'");
        }
        if (blankToNull(settings.keyId()) != null) {
            text.append(text.length() > 0 ? " " : "").append("id ").append(settings.keyId().strip());
        }
        text.append(" on ").append(blankToNull(settings.tokenLabel()) != null
                ? "token '" + settings.tokenLabel() + "'" : "slot " + settings.slot());
        return text.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static byte[] derPrintableString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] der = new byte[bytes.length + 2];
        der[0] = 0x13;
        der[1] = (byte) bytes.length;
        System.arraycopy(bytes, 0, der, 2, bytes.length);
        return der;
    }
}

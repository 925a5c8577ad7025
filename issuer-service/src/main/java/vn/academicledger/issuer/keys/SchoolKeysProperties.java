package vn.academicledger.issuer.keys;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each school's credential-signing key lives (prefix {@code issuer.keys}). A school that is
 * not listed under {@code schools} gets a PKCS#12 file in {@code folder}, made on first use.
 *
 * <pre>
 * issuer.keys.folder=/var/lib/academic-ledger/issuer/keys      # default: &lt;issuer.data-dir&gt;/issuer/keys
 * issuer.keys.pkcs12-password=${SCHOOL_KEYS_PASSWORD}          # default: generated once into &lt;folder&gt;/pkcs12.password
 * issuer.keys.schools.79000001.store=PKCS11
 * issuer.keys.schools.79000001.pkcs11.module=/usr/lib/softhsm/libsofthsm2.so
 * issuer.keys.schools.79000001.pkcs11.token-label=school-keys
 * issuer.keys.schools.79000001.pkcs11.key-label=79000001-credentials
 * issuer.keys.schools.79000001.pkcs11.pin=${HSM_PIN}
 * </pre>
 *
 * @param folder         the PKCS#12 files' folder; null means the default the service passes to {@link SchoolKeys}
 * @param pkcs12Password the PKCS#12 files' password; null or empty means the generated one
 * @param schools        per school code (mã trường), the schools whose key is not the PKCS#12 default
 */
@ConfigurationProperties("issuer.keys")
public record SchoolKeysProperties(Path folder, String pkcs12Password, Map<String, SchoolStore> schools) {

    /** The kinds of key store. */
    public enum Store {
        /** A password-protected PKCS#12 file per school; the key is loaded into memory. The development default. */
        PKCS12,
        /** A key that never leaves a PKCS#11 token (HSM); every signature is made by the token. */
        PKCS11
    }

    public SchoolKeysProperties {
        pkcs12Password = pkcs12Password == null || pkcs12Password.isEmpty() ? null : pkcs12Password;
        schools = schools == null ? Map.of() : Map.copyOf(schools);
    }

    /** The development default: PKCS#12 files in the default folder with a generated password. */
    public static SchoolKeysProperties defaults() {
        return new SchoolKeysProperties(null, null, null);
    }

    /** Which store a school's key is in. */
    SchoolStore storeOf(String schoolCode) {
        SchoolStore store = schools.get(schoolCode);
        return store != null ? store : SchoolStore.PKCS12_DEFAULT;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "SchoolKeysProperties[folder=" + folder + ", pkcs12Password=" + (pkcs12Password == null ? "generated" : "***")
                + ", schools=" + schools + "]";
    }

    /**
     * @param store  PKCS12 (the default) or PKCS11
     * @param pkcs11 the token and key, for PKCS11
     */
    public record SchoolStore(Store store, Pkcs11 pkcs11) {
        static final SchoolStore PKCS12_DEFAULT = new SchoolStore(Store.PKCS12, null);

        public SchoolStore {
            store = store == null ? Store.PKCS12 : store;
        }
    }

    /**
     * An Ed25519 key (CKK_EC_EDWARDS, signing with CKM_EDDSA) on a PKCS#11 token.
     *
     * @param module            the PKCS#11 library, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param tokenLabel        the token's label; or give {@code slot}
     * @param slot              the slot id (as {@code pkcs11-tool -L} prints it), when there is no token label
     * @param keyLabel          the private key's CKA_LABEL; or give {@code keyId}, or both (both must match)
     * @param keyId             the private key's CKA_ID in hex
     * @param pin               the user PIN
     * @param expectedPublicKey optional: the key's {@code publicKeyMultibase} (z6Mk…), as published in the
     *                          school's DID document; opening fails when the token holds another key
     * @param retiredPublicKeys the school's earlier keys ({@code publicKeyMultibase}, oldest first), kept
     *                          for {@link SchoolKeys#history(String)} after a rotation on the HSM
     */
    public record Pkcs11(Path module, String tokenLabel, Long slot, String keyLabel, String keyId, String pin,
                         String expectedPublicKey, List<String> retiredPublicKeys) {
        public Pkcs11 {
            retiredPublicKeys = retiredPublicKeys == null ? List.of() : List.copyOf(retiredPublicKeys);
        }

        /** Never prints the PIN. */
        @Override
        public String toString() {
            return "Pkcs11[module=" + module + ", tokenLabel=" + tokenLabel + ", slot=" + slot + ", keyLabel=" + keyLabel
                    + ", keyId=" + keyId + ", pin=" + (pin == null ? "none" : "***") + "]";
        }
    }
}

package vn.academicledger.issuer.keys;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import vn.academicledger.core.crypto.Ed25519PublicKey;
import vn.academicledger.core.crypto.SigningKey;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.issuer.keys.SchoolKeyException.Reason;
import vn.academicledger.issuer.keys.SchoolKeysProperties.Store;

/**
 * Each school's credential-signing key, from the store the configuration names for it: a PKCS#12
 * file per school (the default, made on first use) or a key on a PKCS#11 token. Thread-safe; make
 * one per service and close it on shutdown (that ends the PKCS#11 sessions).
 *
 * <pre>{@code
 * SchoolKeys keys = new SchoolKeys(properties, issuerDataDir.resolve("keys"));
 * SigningKey key = keys.signingKey("79000001");
 * ObjectNode signed = signer.sign(credential, options, key);
 * }</pre>
 *
 * The PKCS#11 keys are opened, and checked, when this is made, so a wrong PIN or label stops the
 * service at start rather than at the first signature.
 */
public final class SchoolKeys implements AutoCloseable {
    private final SchoolKeysProperties properties;
    private final Pkcs12KeyFolder pkcs12;
    private final Map<String, HsmSigningKey> hsmKeys;

    /**
     * @param properties    which store each school uses
     * @param defaultFolder the PKCS#12 folder when {@code properties.folder()} is not set (the service
     *                      passes {@code <issuer.data-dir>/issuer/keys})
     * @throws SchoolKeyException when a PKCS#11 key cannot be opened or is not the expected key
     */
    public SchoolKeys(SchoolKeysProperties properties, Path defaultFolder) {
        this.properties = Objects.requireNonNull(properties, "properties");
        Path folder = properties.folder() != null ? properties.folder() : Objects.requireNonNull(defaultFolder, "defaultFolder");
        this.pkcs12 = new Pkcs12KeyFolder(folder, properties.pkcs12Password());
        Map<String, HsmSigningKey> opened = new LinkedHashMap<>();
        try {
            properties.schools().forEach((schoolCode, store) -> {
                Pkcs12KeyFolder.validSchoolCode(schoolCode);
                if (store.store() == Store.PKCS11) {
                    opened.put(schoolCode, HsmSigningKey.open(schoolCode, store.pkcs11()));
                }
            });
        } catch (RuntimeException e) {
            opened.values().forEach(HsmSigningKey::close);
            throw e;
        }
        this.hsmKeys = Map.copyOf(opened);
    }

    /**
     * The school's current key. For a PKCS#12 school the file (and, the very first time, the
     * generated password file) is made on first use; the key stays in memory afterwards. Cheap
     * after the first call: ask again for each batch rather than keep the key across a rotation.
     *
     * @throws SchoolKeyException when the key cannot be read or made
     * @throws InvalidInputException when the school code cannot name a key file
     */
    public SigningKey signingKey(String schoolCode) {
        HsmSigningKey hsmKey = hsmKeys.get(Pkcs12KeyFolder.validSchoolCode(schoolCode));
        return hsmKey != null ? hsmKey : pkcs12.signingKey(schoolCode);
    }

    /**
     * Makes a new current key for a PKCS#12 school and keeps the old ones in its file, so
     * {@link #history(String)} still lists them (their credentials stay verifiable once the
     * school's DID document lists them). A key obtained before keeps signing with the old key.
     *
     * @throws SchoolKeyException with {@link Reason#ROTATION_ON_HSM} for a PKCS#11 school: its
     *         operators make the new key on the HSM, then change {@code key-label} and add the old
     *         public key to {@code retired-public-keys}
     */
    public SigningKey rotate(String schoolCode) {
        HsmSigningKey hsmKey = hsmKeys.get(Pkcs12KeyFolder.validSchoolCode(schoolCode));
        if (hsmKey != null) {
            throw new SchoolKeyException(Reason.ROTATION_ON_HSM, schoolCode, "School " + schoolCode
                    + " keeps its key on a PKCS#11 token: make the new key on the token, set issuer.keys.schools."
                    + schoolCode + ".pkcs11.key-label to it, add " + hsmKey.publicKey().multibase()
                    + " to .pkcs11.retired-public-keys, and restart");
        }
        return pkcs12.rotate(schoolCode);
    }

    /**
     * The school's keys, oldest first; the last is the current one. Empty for a PKCS#12 school
     * that has not signed yet. The n-th (from 1) is {@code key-n} in the PKCS#12 file.
     */
    public List<Ed25519PublicKey> history(String schoolCode) {
        HsmSigningKey hsmKey = hsmKeys.get(Pkcs12KeyFolder.validSchoolCode(schoolCode));
        if (hsmKey == null) {
            return pkcs12.history(schoolCode);
        }
        List<Ed25519PublicKey> keys = new ArrayList<>();
        for (String retired : properties.storeOf(schoolCode).pkcs11().retiredPublicKeys()) {
            try {
                keys.add(Ed25519PublicKey.fromMultibase(retired.strip()));
            } catch (InvalidInputException e) {
                throw new SchoolKeyException(Reason.KEY_STORE_MISCONFIGURED, schoolCode, "retired-public-keys of school "
                        + schoolCode + " has " + retired + ", not an Ed25519 publicKeyMultibase", e);
            }
        }
        keys.add(hsmKey.publicKey());
        return List.copyOf(keys);
    }

    /**
     * Ends the PKCS#11 sessions (the last user of a PKCS#11 library also finalises it); a PKCS#11
     * key then refuses to sign. PKCS#12 keys are unaffected. Closing twice does nothing more.
     */
    @Override
    public void close() {
        hsmKeys.values().forEach(HsmSigningKey::close);
    }
}

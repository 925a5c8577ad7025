/**
 * Where each school's credential-signing key lives, and the {@link vn.academicledger.core.crypto.SigningKey}
 * that signs with it. One public class does the work, {@link vn.academicledger.issuer.keys.SchoolKeys}:
 *
 * <pre>{@code
 * SchoolKeys keys = new SchoolKeys(properties, issuerProperties.issuerDir().resolve("keys"));
 * SigningKey key = keys.signingKey("79000001");          // PKCS#12: made on first use
 * ObjectNode signed = new DataIntegritySigner().sign(credential, options, key);
 * keys.rotate("79000001");                               // new key-2; key-1 stays for history
 * List<Ed25519PublicKey> all = keys.history("79000001"); // [key-1, key-2], oldest first
 * }</pre>
 *
 * <h2>Stores</h2>
 * <ul>
 *   <li><b>PKCS12</b>, the default for every school not configured otherwise: a file
 *       {@code <folder>/<schoolCode>.p12} (folder default {@code <issuer.data-dir>/issuer/keys}), made on
 *       first use, owner-only ({@code 0600}, folder {@code 0700}). Entries {@code key-1}, {@code key-2}, …
 *       each hold an Ed25519 private key (PBES2, PBKDF2-HMAC-SHA256, AES-256) and a self-signed certificate
 *       (the format needs one; nothing trusts it). The highest number is the current key; rotation adds
 *       one and keeps the others. The files' password is {@code issuer.keys.pkcs12-password}; without it
 *       one is generated once into {@code <folder>/pkcs12.password} (0600). It must be printable ASCII
 *       (Java's PKCS#12 store refuses other characters). Back the folder up whole: a file is useless
 *       without its password. The file is read once per school; signing is then Bouncy Castle's Ed25519
 *       in memory, as fast as {@link vn.academicledger.core.crypto.Ed25519KeyPair}. Any PKCS#12 tool can
 *       read the files ({@code keytool -list -storetype PKCS12 -keystore 79000001.p12}).</li>
 *   <li><b>PKCS11</b>: the key stays on a token (HSM) and the token makes every signature (CKK_EC_EDWARDS
 *       key, CKM_EDDSA mechanism, pure Ed25519). Java 17's SunPKCS11 provider has no EdDSA at all, so
 *       the token is reached through the xipki {@code ipkcs11wrapper} (IAIK's JNI wrapper, its native
 *       part inside the jar; no {@code --add-exports}). The key is found by token label (or slot id)
 *       and key label and/or CKA_ID; on opening, at the service's start, the token signs a random
 *       challenge that must verify with the token's public key object, and the key must be
 *       {@code expected-public-key} when that is set. A wrong PIN, label or key stops the start.
 *       Keys on a token are rotated by its operators: make the new key, point {@code key-label} at it,
 *       add the old {@code publicKeyMultibase} to {@code retired-public-keys};
 *       {@link vn.academicledger.issuer.keys.SchoolKeys#rotate(String)} refuses with
 *       {@code ROTATION_ON_HSM}.</li>
 * </ul>
 *
 * <h2>Configuration (prefix {@code issuer.keys})</h2>
 * <pre>
 * issuer.keys.folder                                   PKCS#12 folder (default &lt;issuer.data-dir&gt;/issuer/keys)
 * issuer.keys.pkcs12-password                          PKCS#12 password (default: generated into &lt;folder&gt;/pkcs12.password)
 * issuer.keys.schools.&lt;code&gt;.store                    PKCS12 (default) or PKCS11
 * issuer.keys.schools.&lt;code&gt;.pkcs11.module            the PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so
 * issuer.keys.schools.&lt;code&gt;.pkcs11.token-label       the token's label (or .slot: the slot id)
 * issuer.keys.schools.&lt;code&gt;.pkcs11.key-label         the key's CKA_LABEL (and/or .key-id: CKA_ID in hex)
 * issuer.keys.schools.&lt;code&gt;.pkcs11.pin               the user PIN (e.g. ${HSM_PIN})
 * issuer.keys.schools.&lt;code&gt;.pkcs11.expected-public-key      optional z6Mk… the token's key must be
 * issuer.keys.schools.&lt;code&gt;.pkcs11.retired-public-keys[n]   earlier keys, oldest first, for history()
 * </pre>
 *
 * <h2>A SoftHSM2 token to try PKCS11 with (Debian: {@code apt-get install softhsm2 opensc})</h2>
 * <pre>
 * export SOFTHSM2_CONF=$PWD/softhsm2.conf     # "directories.tokendir = /some/folder/tokens"
 * softhsm2-util --init-token --free --label school-keys --so-pin 87654321 --pin 24681357
 * pkcs11-tool --module /usr/lib/softhsm/libsofthsm2.so --token-label school-keys --login --pin 24681357 \
 *     --keypairgen --key-type EC:edwards25519 --label 79000001-credentials --id 01
 * </pre>
 * The service must then run with the same {@code SOFTHSM2_CONF}. The tests need only {@code softhsm2}:
 * they make their token and keys through PKCS#11 itself, in a child JVM that has its own
 * {@code SOFTHSM2_CONF}, and skip, saying why, where {@code libsofthsm2.so} is missing.
 *
 * <h2>Errors</h2>
 * {@link vn.academicledger.issuer.keys.SchoolKeyException} carries the school and a
 * {@link vn.academicledger.issuer.keys.SchoolKeyException.Reason} (its name is the error code).
 * A school code that cannot name a file is an {@link vn.academicledger.core.error.InvalidInputException}.
 */
package vn.academicledger.issuer.keys;

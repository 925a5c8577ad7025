package vn.academicledger.issuer.keys;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_EC_EDWARDS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_EC_EDWARDS_KEY_PAIR_GEN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKU_SO;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.KeyPairTemplate;
import org.xipki.pkcs11.wrapper.Mechanism;
import org.xipki.pkcs11.wrapper.PKCS11KeyPair;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.PKCS11Token;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.Token;

import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.crypto.Ed25519PublicKey;
import vn.academicledger.core.crypto.SigningKey;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.issuer.keys.SchoolKeysProperties.Pkcs11;
import vn.academicledger.issuer.keys.SchoolKeysProperties.SchoolStore;
import vn.academicledger.issuer.keys.SchoolKeysProperties.Store;

/**
 * The PKCS#11 half of {@link SoftHsmSchoolKeysTest}, run in a child JVM: SoftHSM2 reads its
 * configuration (where its tokens are) from the SOFTHSM2_CONF environment variable when the
 * library initialises, and a JVM cannot change its own environment. Writes what it saw to a
 * properties file; the test asserts on it and verifies the signed credentials itself.
 *
 * <p>{@code setup MODULE RESULTS}: initialises a token and makes its keys through the PKCS#11 API
 * (no softhsm2-util or pkcs11-tool needed). {@code scenarios MODULE RESULTS FOLDER}: opens keys
 * through {@link SchoolKeys} as the service would.
 */
final class SoftHsmProcess {
    static final String TOKEN = "academic-ledger-test";
    static final String SO_PIN = "87654321";
    static final String USER_PIN = "24681357";
    static final String SCHOOL_A = "79000001";
    static final String SCHOOL_B = "79000002";
    static final String SCHOOL_P12 = "79000009";
    static final String LABEL_A = "79000001-credentials";
    static final String LABEL_B = "79000002-credentials";
    static final String LABEL_MISMATCH = "79000003-mismatched";
    /** An earlier key of school A, before it moved to the HSM. */
    static final Ed25519PublicKey RETIRED_A = Ed25519KeyPair.fromSeed(new byte[32]).publicKey();
    private static final byte[] ED25519_OID = {0x06, 0x03, 0x2b, 0x65, 0x70};

    private final Properties results = new Properties();
    private final Path module;

    private SoftHsmProcess(Path module) {
        this.module = module;
    }

    public static void main(String[] args) throws Exception {
        SoftHsmProcess process = new SoftHsmProcess(Path.of(args[1]));
        Path resultsFile = Path.of(args[2]);
        try {
            if (args[0].equals("setup")) {
                process.setup();
            } else {
                process.scenarios(Path.of(args[3]));
            }
        } finally {
            try (OutputStream out = Files.newOutputStream(resultsFile)) {
                process.results.store(out, args[0]);
            }
        }
    }

    // ---- setup: a token with three keys ------------------------------------------------------

    private void setup() throws Exception {
        PKCS11Module library = PKCS11Module.getInstance(module.toString());
        library.initialize();
        Slot free = null;
        for (Slot slot : library.getSlotList(true)) {
            if (!slot.getToken().getTokenInfo().isTokenInitialized()) {
                free = slot;
                break;
            }
        }
        if (free == null) {
            throw new IllegalStateException("SoftHSM2 offers no free slot");
        }
        char[] label = String.format("%-32s", TOKEN).toCharArray();
        library.getPKCS11Module().C_InitToken(free.getSlotID(), SO_PIN.toCharArray(), label, true);
        Token token = findToken(library);
        Session so = token.openSession(true);
        so.login(CKU_SO, SO_PIN.toCharArray());
        so.initPIN(USER_PIN.toCharArray());
        so.logout();
        so.closeSession();

        PKCS11Token user = new PKCS11Token(token, false, USER_PIN.toCharArray());
        generate(user, LABEL_A, new byte[] {0x01});
        generate(user, LABEL_B, new byte[] {0x02});
        // A private key whose public key object holds another key: opening it must fail. Made by
        // moving another pair's public key object under its id and label (creating an Edwards public
        // key object through the wrapper 1.0.9 writes a malformed CKA_EC_POINT BIT STRING).
        PKCS11KeyPair mismatched = generate(user, LABEL_MISMATCH, new byte[] {0x03});
        PKCS11KeyPair other = generate(user, "79000003-other", new byte[] {0x04});
        user.destroyObject(mismatched.getPublicKey());
        user.setAttributeValues(other.getPublicKey(), new AttributeVector().id(new byte[] {0x03}).label(LABEL_MISMATCH));
        user.closeAllSessions();
        library.finalize(null);
        results.setProperty("setup", "ok");
    }

    private static Token findToken(PKCS11Module library) throws Exception {
        for (Slot slot : library.getSlotList(true)) {
            if (slot.getToken().getTokenInfo().getLabel().strip().equals(TOKEN)) {
                return slot.getToken();
            }
        }
        throw new IllegalStateException("the initialised token is not listed");
    }

    private static PKCS11KeyPair generate(PKCS11Token user, String label, byte[] id) throws Exception {
        KeyPairTemplate template = new KeyPairTemplate(CKK_EC_EDWARDS).labels(label).id(id).token(true).signVerify(true);
        template.publicKey().ecParams(ED25519_OID);
        template.privateKey().private_(true).sensitive(true).extractable(false);
        return user.generateKeyPair(new Mechanism(CKM_EC_EDWARDS_KEY_PAIR_GEN), template);
    }

    // ---- scenarios: what the service does with these keys --------------------------------------

    private void scenarios(Path folder) {
        scenario("shared", () -> {
            try (SchoolKeys keys = new SchoolKeys(new SchoolKeysProperties(folder, "test-password", Map.of(
                    SCHOOL_A, store(hsm(LABEL_A, null, USER_PIN, null, List.of(RETIRED_A.multibase()))),
                    SCHOOL_B, store(hsm(null, "02", USER_PIN, null, null)))), folder)) {
                SigningKey a = keys.signingKey(SCHOOL_A);
                SigningKey b = keys.signingKey(SCHOOL_B);
                results.setProperty("publicA", a.publicKey().multibase());
                results.setProperty("publicB", b.publicKey().multibase());
                results.setProperty("publicP12", keys.signingKey(SCHOOL_P12).publicKey().multibase());
                results.setProperty("signedRdfcA", SignedCredentials.signed(a, Cryptosuite.EDDSA_RDFC_2022, 11).toString());
                results.setProperty("signedJcsA", SignedCredentials.signed(a, Cryptosuite.EDDSA_JCS_2022, 12).toString());
                results.setProperty("signedJcsB", SignedCredentials.signed(b, Cryptosuite.EDDSA_JCS_2022, 13).toString());
                results.setProperty("historyA", keys.history(SCHOOL_A).stream().map(Ed25519PublicKey::multibase)
                        .collect(Collectors.joining(",")));
                byte[] message = "Bằng tốt nghiệp trung học phổ thông".getBytes(StandardCharsets.UTF_8);
                results.setProperty("deterministic", String.valueOf(Arrays.equals(a.sign(message), a.sign(message))));
                results.setProperty("threadsVerified", String.valueOf(signInThreads(a, 4, 250)));
                results.setProperty("rate1", String.valueOf(SigningRate.perSecond(a, 1)));
                results.setProperty("rate2", String.valueOf(SigningRate.perSecond(a, 2)));
                results.setProperty("toString", a.toString());
                try {
                    keys.rotate(SCHOOL_A);
                    results.setProperty("rotateA", "rotated");
                } catch (SchoolKeyException e) {
                    results.setProperty("rotateA", e.code() + " " + e.schoolCode());
                }
                keys.close();
                try {
                    a.sign(message);
                    results.setProperty("signAfterClose", "signed");
                } catch (SchoolKeyException e) {
                    results.setProperty("signAfterClose", e.code());
                }
            }
        });
        scenario("reopened", () -> {
            try (SchoolKeys keys = new SchoolKeys(new SchoolKeysProperties(folder, "test-password", Map.of(
                    SCHOOL_A, store(hsm(LABEL_A, "01", USER_PIN, results.getProperty("publicA"), null)))), folder)) {
                results.setProperty("reopenedA", keys.signingKey(SCHOOL_A).publicKey().multibase());
            }
        });
        scenario("wrongPin", () -> open(hsm(LABEL_A, null, "11112222", null, null)));
        scenario("missingKey", () -> open(hsm("79000404-credentials", null, USER_PIN, null, null)));
        scenario("unexpectedKey", () -> open(hsm(LABEL_A, null, USER_PIN, RETIRED_A.multibase(), null)));
        scenario("mismatchedPair", () -> open(hsm(LABEL_MISMATCH, null, USER_PIN, null, null)));
        scenario("labelAndIdDisagree", () -> open(hsm(LABEL_A, "02", USER_PIN, null, null)));
        scenario("missingToken", () -> open(new Pkcs11(module, "no-such-token", null, LABEL_A, null, USER_PIN, null, null)));
    }

    private Pkcs11 hsm(String keyLabel, String keyId, String pin, String expected, List<String> retired) {
        return new Pkcs11(module, TOKEN, null, keyLabel, keyId, pin, expected, retired);
    }

    private static SchoolStore store(Pkcs11 pkcs11) {
        return new SchoolStore(Store.PKCS11, pkcs11);
    }

    private void open(Pkcs11 pkcs11) {
        Path unused = Path.of(System.getProperty("java.io.tmpdir"));
        new SchoolKeys(new SchoolKeysProperties(unused, "unused", Map.of(SCHOOL_A, store(pkcs11))), unused).close();
    }

    private interface Scenario {
        void run() throws Exception;
    }

    /** Runs one scenario; records "opened" or the SchoolKeyException's code (and message) under its name. */
    private void scenario(String name, Scenario scenario) {
        try {
            scenario.run();
            results.setProperty(name, "opened");
        } catch (SchoolKeyException e) {
            results.setProperty(name, e.code());
            results.setProperty(name + ".message", String.valueOf(e.getMessage()));
        } catch (Exception e) {
            results.setProperty(name, "unexpected " + e);
        }
    }

    private static boolean signInThreads(SigningKey key, int threads, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                outcomes.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        byte[] message = ("thread " + thread + " message " + i).getBytes(StandardCharsets.UTF_8);
                        if (!key.publicKey().verify(message, key.sign(message))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            boolean all = true;
            for (Future<Boolean> outcome : outcomes) {
                all &= outcome.get();
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}

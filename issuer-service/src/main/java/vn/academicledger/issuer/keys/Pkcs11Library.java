package vn.academicledger.issuer.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.PKCS11Token;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.StaticLogger;
import org.xipki.pkcs11.wrapper.Token;
import org.xipki.pkcs11.wrapper.TokenException;

import vn.academicledger.issuer.keys.SchoolKeyException.Reason;

/**
 * A PKCS#11 library (module) loaded once per process, however many schools use it: C_Initialize
 * may be called only once per library, and a token's login is shared by all sessions of the
 * process. Counted: the last {@link #release()} closes the sessions and calls C_Finalize.
 *
 * <p>Tokens are opened through the xipki PKCS#11 wrapper's {@link PKCS11Token}, a thread-safe pool
 * of logged-in sessions; JDK 17's SunPKCS11 provider has no EdDSA (no CKM_EDDSA), so it cannot be used.
 */
final class Pkcs11Library {
    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11Library.class);
    private static final Map<Path, Pkcs11Library> LOADED = new HashMap<>();

    static {
        StaticLogger.setLogger(new WrapperLog(LoggerFactory.getLogger("org.xipki.pkcs11")));
    }

    private final Path path;
    private final PKCS11Module module;
    private final Map<String, OpenToken> tokens = new HashMap<>();
    private int users;

    private record OpenToken(PKCS11Token token, char[] pin) {
    }

    private Pkcs11Library(Path path, PKCS11Module module) {
        this.path = path;
        this.module = module;
    }

    /** The library at {@code path}, loaded and initialised if no one has it yet. Pair with {@link #release()}. */
    static Pkcs11Library acquire(Path path, String schoolCode) {
        Path normalized = path.toAbsolutePath().normalize();
        synchronized (LOADED) {
            Pkcs11Library library = LOADED.get(normalized);
            if (library == null) {
                if (!Files.isRegularFile(normalized)) {
                    throw new SchoolKeyException(Reason.HSM_UNAVAILABLE, schoolCode, "The PKCS#11 library " + normalized
                            + " does not exist (for SoftHSM2: apt-get install softhsm2)");
                }
                try {
                    PKCS11Module module = PKCS11Module.getInstance(normalized.toString());
                    module.initialize();
                    library = new Pkcs11Library(normalized, module);
                } catch (IOException | TokenException | UnsatisfiedLinkError e) {
                    throw new SchoolKeyException(Reason.HSM_UNAVAILABLE, schoolCode,
                            "Cannot load and initialise the PKCS#11 library " + normalized + ": " + e, e);
                }
                LOADED.put(normalized, library);
                LOG.info("Loaded the PKCS#11 library {}", normalized);
            }
            library.users++;
            return library;
        }
    }

    /**
     * The token with this label (or, when {@code tokenLabel} is null, in this slot), logged in with
     * {@code pin}. A token opened before is shared, and must have been opened with the same PIN.
     */
    PKCS11Token token(String tokenLabel, Long slotId, String pin, String schoolCode) {
        String name = tokenLabel != null ? "token '" + tokenLabel + "'" : "slot " + slotId;
        synchronized (LOADED) {
            OpenToken open = tokens.get(name);
            if (open != null) {
                if (!Arrays.equals(open.pin(), pin.toCharArray())) {
                    throw new SchoolKeyException(Reason.KEY_STORE_MISCONFIGURED, schoolCode,
                            "Two schools name " + name + " of " + path + " with different PINs");
                }
                return open.token();
            }
            Token token = find(tokenLabel, slotId, name, schoolCode);
            try {
                // Read-only sessions: signing with a token object needs no more.
                PKCS11Token opened = new PKCS11Token(token, true, pin.toCharArray());
                tokens.put(name, new OpenToken(opened, pin.toCharArray()));
                return opened;
            } catch (PKCS11Exception e) {
                long code = e.getErrorCode();
                if (code == PKCS11Constants.CKR_PIN_INCORRECT || code == PKCS11Constants.CKR_PIN_LOCKED
                        || code == PKCS11Constants.CKR_PIN_LEN_RANGE || code == PKCS11Constants.CKR_PIN_EXPIRED) {
                    throw new SchoolKeyException(Reason.HSM_LOGIN_FAILED, schoolCode,
                            "The PKCS#11 " + name + " refused the PIN (" + PKCS11Constants.ckrCodeToName(code) + ")", e);
                }
                throw new SchoolKeyException(Reason.HSM_UNAVAILABLE, schoolCode,
                        "Cannot open and log in to the PKCS#11 " + name + ": " + e.getMessage(), e);
            } catch (TokenException e) {
                throw new SchoolKeyException(Reason.HSM_UNAVAILABLE, schoolCode,
                        "Cannot open and log in to the PKCS#11 " + name + ": " + e.getMessage(), e);
            }
        }
    }

    private Token find(String tokenLabel, Long slotId, String name, String schoolCode) {
        try {
            for (Slot slot : module.getSlotList(true)) {
                Token token = slot.getToken();
                if (tokenLabel != null ? tokenLabel.equals(token.getTokenInfo().getLabel().strip())
                        : slotId == slot.getSlotID()) {
                    return token;
                }
            }
        } catch (TokenException e) {
            throw new SchoolKeyException(Reason.HSM_UNAVAILABLE, schoolCode,
                    "Cannot list the tokens of the PKCS#11 library " + path + ": " + e.getMessage(), e);
        }
        throw new SchoolKeyException(Reason.HSM_UNAVAILABLE, schoolCode, "The PKCS#11 library " + path + " has no " + name);
    }

    /** One user fewer; the last one closes every session and finalises the library. */
    void release() {
        synchronized (LOADED) {
            if (--users > 0) {
                return;
            }
            LOADED.remove(path);
            for (OpenToken open : tokens.values()) {
                open.token().closeAllSessions();
                Arrays.fill(open.pin(), '\0');
            }
            tokens.clear();
            try {
                module.finalize(null);
            } catch (TokenException e) {
                LOG.warn("C_Finalize of the PKCS#11 library {} failed: {}", path, e.getMessage());
            }
            LOG.info("Closed the PKCS#11 library {}", path);
        }
    }

    /** The wrapper logs through SLF4J instead of printing to standard output. */
    private record WrapperLog(Logger log) implements org.xipki.pkcs11.wrapper.Logger {
        @Override
        public void info(String format, Object... arguments) {
            log.debug(format, arguments);
        }

        @Override
        public void warn(String format, Object... arguments) {
            log.warn(format, arguments);
        }

        @Override
        public void error(String format, Object... arguments) {
            log.error(format, arguments);
        }

        @Override
        public void debug(String format, Object... arguments) {
            log.trace(format, arguments);
        }

        @Override
        public void trace(String format, Object... arguments) {
            log.trace(format, arguments);
        }

        @Override
        public boolean isDebugEnabled() {
            return log.isTraceEnabled();
        }

        @Override
        public boolean isInfoEnabled() {
            return log.isDebugEnabled();
        }

        @Override
        public boolean isWarnEnabled() {
            return log.isWarnEnabled();
        }

        @Override
        public boolean isTraceEnabled() {
            return log.isTraceEnabled();
        }
    }
}

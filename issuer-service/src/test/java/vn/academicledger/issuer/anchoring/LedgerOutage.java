package vn.academicledger.issuer.anchoring;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import vn.academicledger.core.ledger.LedgerErrorCode;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.issuer.system.LedgerAccess;

/**
 * Makes the ledger unavailable while it is on: every call of every port the service holds fails as
 * an unreachable Fabric network fails, with {@link LedgerErrorCode#UNAVAILABLE} — a write at
 * {@link LedgerException.Stage#ENDORSE} with the transaction id it was given, a query at
 * {@link LedgerException.Stage#EVALUATE}. Off, calls pass straight through. Declare it as a bean
 * and {@link LedgerAccess} wraps its ports with it.
 */
public final class LedgerOutage implements LedgerAccess.PortWrapper {
    private static final SecureRandom RANDOM = new SecureRandom();
    private volatile boolean on;
    private final AtomicLong refused = new AtomicLong();

    public void begin() {
        on = true;
    }

    public void end() {
        on = false;
    }

    /** Calls refused so far. */
    public long refusedCalls() {
        return refused.get();
    }

    @Override
    public LedgerPort wrap(LedgerPort port) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (on && refuses(method)) {
                refused.incrementAndGet();
                throw failure(method);
            }
            try {
                return method.invoke(port, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (LedgerPort) Proxy.newProxyInstance(LedgerPort.class.getClassLoader(), new Class<?>[]{LedgerPort.class}, handler);
    }

    /** What the client does alone (who it is, closing) never reaches the network. */
    private static boolean refuses(Method method) {
        return method.getDeclaringClass() == LedgerPort.class
                && !method.getName().equals("identity") && !method.getName().equals("close");
    }

    private static LedgerException failure(Method method) {
        String name = method.getName();
        boolean query = name.startsWith("find") || name.endsWith("istory");
        if (query) {
            return new LedgerException(LedgerErrorCode.UNAVAILABLE, LedgerException.Stage.EVALUATE, null,
                    "no peer answered " + name + " (simulated ledger outage)");
        }
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        String txId = HexFormat.of().formatHex(nonce);
        return new LedgerException(LedgerErrorCode.UNAVAILABLE, LedgerException.Stage.ENDORSE, txId,
                "no peer endorsed " + name + " transaction " + txId + " (simulated ledger outage)");
    }
}

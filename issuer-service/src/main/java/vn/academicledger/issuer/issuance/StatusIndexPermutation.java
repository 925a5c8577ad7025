package vn.academicledger.issuer.issuance;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed permutation of {@code [0, size)}: a balanced Feistel network of four rounds (HMAC-SHA256
 * round function, Luby–Rackoff) over the smallest even number of bits that covers {@code size}, with
 * cycle walking to stay inside the domain. Used to turn a status list's counter (0, 1, 2, …) into
 * the credential's {@code statusListIndex}, so that indexes are unique, leave no gaps, and reveal
 * neither issue order nor which credentials were issued together to anyone without the list's key.
 */
final class StatusIndexPermutation {
    private static final int ROUNDS = 4;
    private final Mac mac;
    private final int size;
    private final int halfBits;
    private final int halfMask;

    StatusIndexPermutation(byte[] key, int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a permutation of " + size + " elements");
        }
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the key must have at least 16 bytes");
        }
        this.size = size;
        int bits = 32 - Integer.numberOfLeadingZeros(size - 1);
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1 << halfBits) - 1;
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The image of {@code counter} (0 ≤ counter < size). Not thread-safe: one instance per use. */
    int apply(int counter) {
        if (counter < 0 || counter >= size) {
            throw new IllegalArgumentException("counter " + counter + " outside [0, " + size + ")");
        }
        int x = counter;
        do {
            x = encrypt(x); // cycle walking: the domain of the network is at most four times the list
        } while (x >= size);
        return x;
    }

    private int encrypt(int x) {
        int left = x >>> halfBits;
        int right = x & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            int next = left ^ f(round, right);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    private int f(int round, int half) {
        mac.update((byte) round);
        mac.update((byte) (half >>> 24));
        mac.update((byte) (half >>> 16));
        mac.update((byte) (half >>> 8));
        mac.update((byte) half);
        byte[] out = mac.doFinal();
        int v = ((out[0] & 0xff) << 24) | ((out[1] & 0xff) << 16) | ((out[2] & 0xff) << 8) | (out[3] & 0xff);
        return v & halfMask;
    }
}

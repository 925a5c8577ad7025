package vn.academicledger.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;

/**
 * Signs certificates with ECDSA P-256 / SHA-256 and always emits the low-S form of the
 * signature. Fabric's MSP rewrites any certificate whose signature has a high S value before it
 * compares identities; issuing low-S certificates from the start keeps the bytes a client
 * presents identical to the bytes the peers keep.
 */
public final class LowSEcdsaContentSigner implements ContentSigner {
    private final ECPrivateKey key;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    public LowSEcdsaContentSigner(ECPrivateKey key) {
        this.key = key;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    }

    @Override
    public OutputStream getOutputStream() {
        return data;
    }

    @Override
    public byte[] getSignature() {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(data.toByteArray());
            return toLowS(signature.sign(), key.getParams().getOrder());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing failed", e);
        }
    }

    /** Re-encodes a DER ECDSA signature (r, s) as (r, min(s, n - s)). */
    static byte[] toLowS(byte[] derSignature, BigInteger order) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(derSignature);
        BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
        if (!isLowS(s, order)) {
            s = order.subtract(s);
        }
        try {
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isLowS(BigInteger s, BigInteger order) {
        return s.compareTo(order.shiftRight(1)) <= 0;
    }
}

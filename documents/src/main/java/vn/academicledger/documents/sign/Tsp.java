package vn.academicledger.documents.sign;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import java.security.cert.CertificateException;
import java.util.Collection;

/** RFC 3161 requests and the checks every response gets, whatever carried it. */
final class Tsp {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tsp() {
    }

    static TimeStampRequest request(byte[] digest) {
        if (digest == null || digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        return generator.generate(TSPAlgorithms.SHA256, digest, new BigInteger(64, RANDOM));
    }

    /** The token of a response to {@code request}, checked: granted, same imprint and nonce, valid signature. */
    static byte[] token(TimeStampRequest request, byte[] response, String authority) {
        try {
            TimeStampResponse r = new TimeStampResponse(response);
            r.validate(request);
            TimeStampToken token = r.getTimeStampToken();
            if (token == null) {
                throw new SigningException("TIMESTAMP_FAILED", "The time-stamping authority " + authority
                        + " refused the request: status " + r.getStatus() + " " + r.getStatusString());
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
            if (matches.isEmpty()) {
                throw new SigningException("TIMESTAMP_FAILED", "The time-stamp token of " + authority
                        + " does not carry the authority's certificate");
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(matches.iterator().next()));
            return token.getEncoded();
        } catch (TSPException | IOException | OperatorCreationException | CertificateException e) {
            throw new SigningException("TIMESTAMP_FAILED", "The time-stamping authority " + authority
                    + " sent an invalid response: " + e.getMessage(), e);
        }
    }
}

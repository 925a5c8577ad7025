package vn.academicledger.documents.sign;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A development RFC 3161 time-stamping authority that runs in the same JVM (Bouncy Castle's
 * TimeStampResponseGenerator), signing with a key and certificate that carries the critical
 * timeStamping extended key usage. Use it directly as a {@link TimestampSource}, or serve it over HTTP
 * on 127.0.0.1 ({@link #serveHttp()}) to exercise {@link HttpTimestampSource}. Never for production:
 * its clock is this machine's and its key is a file. Thread-safe.
 */
public final class LocalTimestampAuthority implements TimestampSource, AutoCloseable {
    /** A policy OID under the (unregistered) development arc; production TSAs publish their own. */
    public static final String POLICY = "1.3.6.1.4.1.99999.1.1";

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis() * 1000);
    private HttpServer server;

    /** @param chain the authority's certificate (with the timeStamping EKU) first, then its issuers */
    public LocalTimestampAuthority(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    @Override
    public byte[] timestamp(byte[] digest) {
        TimeStampRequest request = Tsp.request(digest);
        try {
            return Tsp.token(request, respond(request.getEncoded()), "local development TSA");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers one DER-encoded TimeStampReq with a DER-encoded TimeStampResp. */
    public byte[] respond(byte[] requestDer) {
        try {
            TimeStampRequest request = new TimeStampRequest(requestDer);
            String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build(algorithm, key, chain.get(0)), sha256,
                    new ASN1ObjectIdentifier(POLICY));
            tokens.addCertificates(new JcaCertStore(List.of(chain.get(0))));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            TimeStampResponse response = responses.generate(request, BigInteger.valueOf(serial.incrementAndGet()), new Date());
            return response.getEncoded();
        } catch (IOException | TSPException | OperatorCreationException | CertificateEncodingException e) {
            throw new SigningException("TIMESTAMP_FAILED", "The local time-stamping authority failed: " + e.getMessage(), e);
        }
    }

    /** Starts answering {@code POST application/timestamp-query} on 127.0.0.1 (a free port) and returns the URL. */
    public synchronized URI serveHttp() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a port on 127.0.0.1 for the local TSA", e);
            }
            server.createContext("/tsa", exchange -> {
                try (exchange) {
                    if (!exchange.getRequestMethod().equals("POST")) {
                        exchange.sendResponseHeaders(405, -1);
                        return;
                    }
                    byte[] body;
                    try (InputStream in = exchange.getRequestBody()) {
                        body = in.readNBytes(64 * 1024);
                    }
                    byte[] answer;
                    try {
                        answer = respond(body);
                    } catch (RuntimeException e) {
                        exchange.sendResponseHeaders(400, -1);
                        return;
                    }
                    exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                    exchange.sendResponseHeaders(200, answer.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
            });
            server.start();
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}

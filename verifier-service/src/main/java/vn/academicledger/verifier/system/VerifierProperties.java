package vn.academicledger.verifier.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the verifier can be told (prefix {@code verifier.}); defaults run it on the embedded
 * default of {@code ./ledger demo}: ledger in {@code .ledger-data/ledger}, credentials in {@code out/demo}.
 *
 * @param publicBaseUrl the address people reach the service at; QR codes carry {@code <publicBaseUrl>/v/<uuid>#t=<token>}
 * @param dataDir       the embedded default's data folder (ledger, QR token secret)
 */
@ConfigurationProperties("verifier")
public record VerifierProperties(
        @DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl,
        @DefaultValue(".ledger-data") Path dataDir,
        @DefaultValue Ledger ledger,
        @DefaultValue Directory directory,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Limits limits,
        @DefaultValue Pdf pdf) {

    public enum LedgerKind { EMBEDDED, FABRIC }

    /**
     * @param kind      embedded (default) or fabric
     * @param embedded  the embedded ledger's folder; default {@code <dataDir>/ledger}
     * @param statusTtl how long an answer about an issuer's standing or a revocation may be reused;
     *                  0 reads the ledger on every verification. Anchors are cached for good (immutable).
     */
    public record Ledger(@DefaultValue("embedded") LedgerKind kind, Path embedded,
                         @DefaultValue("0s") Duration statusTtl, @DefaultValue Fabric fabric) {
    }

    /**
     * The Fabric gateway (used when {@code kind=fabric}).
     *
     * @param cryptoDir the network's generated crypto material ({@code crypto-material/generated/fabric})
     * @param mspId     the verifier's organisation, a reader: MinistryMSP
     * @param mspDir    the verifier identity's MSP folder (signcerts + keystore)
     */
    public record Fabric(@DefaultValue("crypto-material/generated/fabric") Path cryptoDir,
                         @DefaultValue("MinistryMSP") String mspId,
                         @DefaultValue("crypto-material/generated/fabric/peerOrganizations/ministry.academicledger.test/users/auditor@ministry.academicledger.test/msp")
                         Path mspDir) {
    }

    /**
     * Where credentials behind QR codes are found (the embedded {@code CredentialDirectory}).
     *
     * @param credentials     folder of {@code <uuid>.json} credentials; default {@code out/demo}
     * @param tokenSecretFile the HMAC key of QR access tokens; generated on first start; default
     *                        {@code <dataDir>/verifier/qr-token.secret}
     * @param issuerUrl       the issuer service, asked for credentials not in the folder (it shares the QR
     *                        secret); unset: the folder only
     */
    public record Directory(@DefaultValue("out/demo") Path credentials, Path tokenSecretFile, URI issuerUrl) {
    }

    /**
     * A token bucket per client address on every public endpoint.
     *
     * @param burst     requests a client may make at once
     * @param perSecond sustained requests per second
     * @param pdfCost   tokens a PDF upload takes (validation is expensive)
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("60") int burst,
                            @DefaultValue("20") double perSecond, @DefaultValue("10") int pdfCost,
                            @DefaultValue("20000") int maxClients) {
    }

    /** Largest accepted bodies: JSON (credential, presentation) and PDF uploads. */
    public record Limits(@DefaultValue("512KB") DataSize json, @DefaultValue("10MB") DataSize pdf) {
    }

    /**
     * @param trustAnchors PEM file of the roots PDF signatures must chain to; default the development PKI's,
     *                     {@code <dataDir>/dev-pki/trust-anchors.pem} (what {@code ./ledger demo} makes)
     */
    public record Pdf(Path trustAnchors) {
    }

    public Path embeddedLedgerDir() {
        return ledger.embedded() != null ? ledger.embedded() : dataDir.resolve("ledger");
    }

    public Path tokenSecretFile() {
        return directory.tokenSecretFile() != null ? directory.tokenSecretFile()
                : dataDir.resolve(vn.academicledger.core.access.AccessTokens.SECRET_FILE_NAME);
    }

    public Path pdfTrustAnchors() {
        return pdf.trustAnchors() != null ? pdf.trustAnchors() : dataDir.resolve("dev-pki").resolve("trust-anchors.pem");
    }
}

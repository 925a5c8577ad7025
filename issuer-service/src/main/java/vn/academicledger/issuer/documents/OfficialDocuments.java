package vn.academicledger.issuer.documents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import vn.academicledger.core.access.AccessTokens;
import vn.academicledger.documents.DevelopmentDocuments;
import vn.academicledger.issuer.system.IssuerProperties;

/**
 * The documents module as this service uses it, opened once: the development PKI's officials sign
 * the PDFs (PAdES B-LT) and the verifier's access-token secret makes the QR codes, both from the data
 * folder. Opening prepares the PKI (keys are generated on the very first use) and starts a
 * time-stamping authority, so it happens on the first PDF, not at start-up.
 *
 * <p>Development only, like {@link DevelopmentDocuments}: a production deployment signs with the
 * officials' tokens (PKCS#11) instead.
 */
@Component
class OfficialDocuments implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(OfficialDocuments.class);

    private final IssuerProperties properties;
    private DevelopmentDocuments documents;
    private AccessTokens tokens;

    OfficialDocuments(IssuerProperties properties) {
        this.properties = properties;
    }

    /** The signing side, opened on first use. */
    synchronized DevelopmentDocuments documents() {
        if (documents == null) {
            long start = System.nanoTime();
            documents = DevelopmentDocuments.open(properties.dataDir());
            LOG.info("Development PKI for signed PDFs ready in {} ms ({})", (System.nanoTime() - start) / 1_000_000,
                    properties.dataDir().resolve(DevelopmentDocuments.PKI_FOLDER).toAbsolutePath());
        }
        return documents;
    }

    /** The QR codes' access tokens, shared with the verifier through the data folder. */
    synchronized AccessTokens tokens() {
        if (tokens == null) {
            tokens = AccessTokens.forDataFolder(properties.dataDir());
        }
        return tokens;
    }

    @Override
    public synchronized void destroy() {
        if (documents != null) {
            documents.close();
            documents = null;
        }
    }
}

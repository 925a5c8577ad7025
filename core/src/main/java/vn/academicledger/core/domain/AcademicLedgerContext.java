package vn.academicledger.core.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON-LD context {@value #URL} that defines every term of our credentials' subjects (and of
 * the Merkle inclusion proof). It ships in the jar at {@value #RESOURCE}; document loaders serve it
 * from there, never from the network. Use it after the VC 2.0 context:
 * {@code "@context": ["https://www.w3.org/ns/credentials/v2", "https://w3id.org/academic-ledger/v1"]}.
 */
public final class AcademicLedgerContext {
    public static final String URL = "https://w3id.org/academic-ledger/v1";
    public static final String RESOURCE = "/contexts/academic-ledger-v1.jsonld";
    /** Vocabulary IRI that every term expands under. */
    public static final String VOCABULARY = "https://w3id.org/academic-ledger/vocab#";

    private AcademicLedgerContext() {
    }

    /** The context document's bytes (UTF-8 JSON). */
    public static byte[] bytes() {
        try (InputStream in = AcademicLedgerContext.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

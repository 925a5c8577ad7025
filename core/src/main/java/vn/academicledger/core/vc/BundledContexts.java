package vn.academicledger.core.vc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.json.JsonStructure;

import vn.academicledger.core.error.AcademicLedgerException;
import vn.academicledger.core.json.JakartaJson;

/**
 * The JSON-LD contexts shipped inside the jar, and a titanium {@link DocumentLoader} that
 * serves only them. Nothing is fetched from the network: a URL that is not bundled is refused
 * with an error naming it and listing what is bundled.
 *
 * <p>The bundle is listed in the resource {@code contexts/index.json} (context URL → file under
 * {@code contexts/}). Each file is parsed once and kept. A listed file that is missing from the
 * class path (the Academic Ledger context is written separately) is simply not served.
 */
public final class BundledContexts implements DocumentLoader {
    /** The VC Data Model 2.0 base context. */
    public static final String CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2";
    /** The VC 2.0 examples context (used by the W3C test vectors). */
    public static final String CREDENTIALS_EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";
    /** The Data Integrity v2 context. */
    public static final String DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2";
    /** The Multikey v1 context. */
    public static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";
    /** The DID Core v1 context. */
    public static final String DID_V1 = "https://www.w3.org/ns/did/v1";
    /** Academic Ledger's own context (report cards, diplomas, certificates). */
    public static final String ACADEMIC_LEDGER_V1 = "https://w3id.org/academic-ledger/v1";

    private static final String INDEX = "contexts/index.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BundledContexts SHARED = new BundledContexts(BundledContexts.class.getClassLoader());

    private final ClassLoader classLoader;
    private final Map<String, String> files;
    private final Map<String, JsonDocument> documents = new ConcurrentHashMap<>();

    private BundledContexts(ClassLoader classLoader) {
        this.classLoader = classLoader;
        Map<String, String> listed = new LinkedHashMap<>();
        JsonNode index = readJson(INDEX);
        Iterator<Map.Entry<String, JsonNode>> entries = index.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String resource = "contexts/" + entry.getValue().asText();
            if (classLoader.getResource(resource) != null) {
                listed.put(entry.getKey(), resource);
            }
        }
        this.files = Collections.unmodifiableMap(listed);
    }

    /** The one shared instance (contexts are parsed once per JVM). */
    public static BundledContexts shared() {
        return SHARED;
    }

    /** The context URLs this bundle serves. */
    public Set<String> urls() {
        return files.keySet();
    }

    public boolean contains(String url) {
        return files.containsKey(url);
    }

    /** A bundled context as a Jackson tree (a fresh copy each call). */
    public JsonNode context(String url) {
        return JakartaJson.toJackson(document(url).getJsonContent().orElseThrow());
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String key = url.toString();
        if (!files.containsKey(key)) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, notBundled(key));
        }
        return document(key);
    }

    private JsonDocument document(String url) {
        String resource = files.get(url);
        if (resource == null) {
            throw new AcademicLedgerException("CONTEXT_NOT_BUNDLED", notBundled(url));
        }
        return documents.computeIfAbsent(url, key -> {
            JsonStructure json = (JsonStructure) JakartaJson.toJakarta(readJson(resource));
            JsonDocument document = JsonDocument.of(MediaType.JSON_LD, json);
            document.setDocumentUrl(URI.create(key));
            return document;
        });
    }

    private String notBundled(String url) {
        return "The JSON-LD context " + url + " is not bundled with Academic Ledger and nothing is fetched"
                + " from the network; bundled contexts: " + files.keySet();
    }

    private JsonNode readJson(String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AcademicLedgerException("CONTEXT_NOT_BUNDLED", "Missing resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new AcademicLedgerException("CONTEXT_UNREADABLE", "Cannot read the bundled resource " + resource, e);
        }
    }
}

package vn.academicledger.core.proof;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.cache.Cache;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.json.JsonUtils;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import vn.academicledger.core.crypto.Sha256;
import vn.academicledger.core.error.AcademicLedgerException;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.json.JakartaJson;

/**
 * JSON-LD → RDF (titanium-json-ld) → RDF Dataset Canonicalization (RDFC-1.0 with SHA-256,
 * {@link Rdfc10}) → canonical N-Quads. One instance is shared by all threads: its options and
 * loader are built once and only read. titanium-rdfc computes the same canonical form
 * ({@link #canonicalNQuadsWithTitanium}); it is kept as the reference the faster
 * {@link Rdfc10} is tested against.
 *
 * <p>Speed: processing the VC 2.0 context costs more than converting a whole report card to
 * RDF, so the processed top-level {@code @context} (titanium's {@code ActiveContext}, which
 * expansion only reads) is cached per distinct {@code @context} value, and the document is
 * expanded against it exactly as JSON-LD expansion would after processing its own
 * {@code @context}. Only bundled contexts can be loaded, so the cache stays small.
 *
 * <p>Safe mode: a property no context defines is an error (JSON-LD would silently drop it, and
 * then it would not be signed). Canonicalization stops after a fixed amount of work, so a
 * poisoned dataset (many indistinguishable blank nodes) cannot hang the caller.
 */
final class RdfCanonicalizer {
    /** Upper bound on titanium-rdfc work steps per document (the reference path only). */
    static final long MAX_CANONICALIZATION_STEPS = 1_000_000;
    private static final double MAX_INTEGER_AS_INTEGER = 1e21;
    private static final long MAX_EXACT_INTEGER = 1L << 53;
    /** Titanium formats xsd:double with one shared, non-thread-safe DecimalFormat. */
    private static final Object DOUBLE_FORMAT_LOCK = new Object();
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private static final int PROCESSED_CONTEXT_LIMIT = 64;

    private final JsonLdOptions options;
    private final ActiveContext initialContext;
    private final Map<JsonNode, ActiveContext> processedContexts = new ConcurrentHashMap<>();

    RdfCanonicalizer(DocumentLoader loader) {
        JsonLdOptions configured = new JsonLdOptions(loader);
        configured.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        configured.setOrdered(false);
        configured.setContextCache(new ConcurrentCache<>());
        configured.setDocumentCache(new ConcurrentCache<>());
        this.options = configured;
        this.initialContext = new ActiveContext(null, null, ProcessingRuntime.of(configured));
    }

    /** The canonical N-Quads of {@code document}, as UTF-8 bytes. */
    byte[] canonicalize(JsonNode document) {
        return canonicalNQuads(document).getBytes(StandardCharsets.UTF_8);
    }

    String canonicalNQuads(JsonNode document) {
        Rdfc10 canon = new Rdfc10(DIGEST.get());
        toRdf(document, canon);
        try {
            return canon.canonicalNQuads();
        } catch (IllegalStateException e) {
            throw new CanonicalizationException("RDF canonicalization stopped: " + e.getMessage(), e);
        }
    }

    /** The same canonical form computed by titanium-rdfc: the reference the fast path is tested against. */
    String canonicalNQuadsWithTitanium(JsonNode document) {
        RdfCanon canon = RdfCanon.create(Sha256.newDigest(), new StepLimit());
        toRdf(document, canon);
        try {
            StringWriter out = new StringWriter(4096);
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (RdfConsumerException | IllegalStateException e) {
            throw new CanonicalizationException("RDF canonicalization failed: " + e.getMessage(), e);
        }
    }

    /** JSON-LD → RDF: feeds every quad of {@code document} to {@code consumer}. */
    private void toRdf(JsonNode document, RdfQuadConsumer consumer) {
        if (!document.isObject()) {
            throw new InvalidInputException("Only a JSON object can be signed with eddsa-rdfc-2022");
        }
        NumberMapper numbers = new NumberMapper();
        JsonObject json = JakartaJson.toJakarta(document, numbers::map).asJsonObject();
        try {
            JsonArray expanded = expand(document.get(Keywords.CONTEXT), json);
            if (numbers.doubles) {
                synchronized (DOUBLE_FORMAT_LOCK) {
                    ToRdfProcessor.toRdf(consumer, expanded, options);
                }
            } else {
                ToRdfProcessor.toRdf(consumer, expanded, options);
            }
        } catch (JsonLdError e) {
            throw new CanonicalizationException("JSON-LD processing failed: " + describe(e), e);
        }
    }

    /**
     * JSON-LD expansion of a top-level object (JSON-LD 1.1 API, expand() steps 5-8, with no base
     * IRI), its {@code @context} processed once per distinct value and then reused.
     */
    private JsonArray expand(JsonNode context, JsonObject document) throws JsonLdError {
        ActiveContext active = initialContext;
        JsonObject body = document;
        if (context != null) {
            active = processedContexts.get(context);
            if (active == null) {
                active = initialContext.newContext().create(document.get(Keywords.CONTEXT), null);
                if (processedContexts.size() >= PROCESSED_CONTEXT_LIMIT) {
                    processedContexts.clear();
                }
                processedContexts.put(context.deepCopy(), active);
            }
            body = JakartaJson.provider().createObjectBuilder(document).remove(Keywords.CONTEXT).build();
        }
        JsonValue expanded = Expansion.with(active, body, null, null).ordered(false).compute();
        if (JsonUtils.isObject(expanded)) {
            JsonObject object = expanded.asJsonObject();
            if (object.size() == 1 && object.containsKey(Keywords.GRAPH)) {
                expanded = object.get(Keywords.GRAPH);
            }
        }
        if (JsonUtils.isNull(expanded)) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        return JsonUtils.toJsonArray(expanded);
    }

    private static String describe(JsonLdError e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            message.append(" <- ").append(cause.getMessage());
        }
        return message.toString();
    }

    /** The document cannot be turned into canonical RDF. */
    static final class CanonicalizationException extends AcademicLedgerException {
        CanonicalizationException(String message, Throwable cause) {
            super("CANONICALIZATION_FAILED", message, cause);
        }
    }

    /** Maps Jackson numbers to what JSON-LD processors agree on; notes whether any is a double. */
    private static final class NumberMapper {
        boolean doubles;

        JsonValue map(JsonNode number) {
            if (number.isIntegralNumber() && number.canConvertToLong()
                    && Math.abs(number.longValue()) <= MAX_EXACT_INTEGER) {
                return JakartaJson.exactNumber(number);
            }
            // Beyond 2^53 a JSON number is what JavaScript reads: the nearest double.
            double value = number.doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new InvalidInputException("JSON cannot hold " + value);
            }
            if (value == Math.rint(value) && Math.abs(value) < MAX_INTEGER_AS_INTEGER) {
                // 9.0 is the integer 9 to JSON-LD (as in JavaScript): xsd:integer "9"
                return JakartaJson.provider().createValue(new java.math.BigDecimal(value).toBigIntegerExact());
            }
            if (value <= -MAX_INTEGER_AS_INTEGER) {
                throw new InvalidInputException("The number " + value + " cannot be signed with eddsa-rdfc-2022:"
                        + " JSON-LD processors disagree on numbers of magnitude 1e21 or more; write it as a string");
            }
            doubles = true;
            return new JsonLdDouble(value);
        }
    }

    /** Aborts canonicalization after {@link #MAX_CANONICALIZATION_STEPS} steps (dataset poisoning). */
    private static final class StepLimit implements RdfCanonTicker {
        private long steps;

        @Override
        public void tick() {
            if (++steps > MAX_CANONICALIZATION_STEPS) {
                throw new IllegalStateException("more than " + MAX_CANONICALIZATION_STEPS
                        + " steps; the document looks like a poisoned dataset (too many similar blank nodes)");
            }
        }
    }

    /** A thread-safe cache for titanium (its default LRU cache is not safe to share). */
    private static final class ConcurrentCache<V> implements Cache<String, V> {
        private static final int LIMIT = 256;
        private final Map<String, V> entries = new ConcurrentHashMap<>();

        @Override
        public boolean containsKey(String key) {
            return entries.containsKey(key);
        }

        @Override
        public V get(String key) {
            return entries.get(key);
        }

        @Override
        public void put(String key, V value) {
            if (entries.size() >= LIMIT) {
                Iterator<String> oldest = entries.keySet().iterator();
                if (oldest.hasNext()) {
                    entries.remove(oldest.next());
                }
            }
            entries.put(key, value);
        }
    }
}

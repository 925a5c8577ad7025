package vn.academicledger.core.proof;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.cache.Cache;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import vn.academicledger.core.crypto.Sha256;
import vn.academicledger.core.error.AcademicLedgerException;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.json.JakartaJson;

/**
 * JSON-LD → RDF (titanium-json-ld) → RDF Dataset Canonicalization (titanium-rdfc, RDFC-1.0 with
 * SHA-256) → canonical N-Quads. One instance is shared by all threads: its options and loader
 * are built once and only read.
 *
 * <p>Safe mode: a property no context defines is an error (JSON-LD would silently drop it, and
 * then it would not be signed). Canonicalization stops after a fixed amount of work, so a
 * poisoned dataset (many indistinguishable blank nodes) cannot hang the caller.
 */
final class RdfCanonicalizer {
    /** Upper bound on RDFC work steps per document; a report card uses a few thousand. */
    static final long MAX_CANONICALIZATION_STEPS = 1_000_000;
    private static final double MAX_INTEGER_AS_INTEGER = 1e21;
    /** Titanium formats xsd:double with one shared, non-thread-safe DecimalFormat. */
    private static final Object DOUBLE_FORMAT_LOCK = new Object();
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Sha256::newDigest);

    private final JsonLdOptions options;

    RdfCanonicalizer(DocumentLoader loader) {
        JsonLdOptions configured = new JsonLdOptions(loader);
        configured.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        configured.setOrdered(false);
        configured.setContextCache(new ConcurrentCache<>());
        configured.setDocumentCache(new ConcurrentCache<>());
        this.options = configured;
    }

    /** The canonical N-Quads of {@code document}, as UTF-8 bytes. */
    byte[] canonicalize(JsonNode document) {
        return canonicalNQuads(document).getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 of the canonical N-Quads. */
    byte[] sha256(JsonNode document) {
        return Sha256.digest(canonicalize(document));
    }

    String canonicalNQuads(JsonNode document) {
        NumberMapper numbers = new NumberMapper();
        JsonValue json = JakartaJson.toJakarta(document, numbers::map);
        JsonDocument input = JsonDocument.of(MediaType.JSON_LD, (JsonStructure) json);
        RdfCanon canon = RdfCanon.create(DIGEST.get(), new StepLimit());
        try {
            if (numbers.doubles) {
                synchronized (DOUBLE_FORMAT_LOCK) {
                    ToRdfProcessor.toRdf(canon, input, options);
                }
            } else {
                ToRdfProcessor.toRdf(canon, input, options);
            }
            StringWriter out = new StringWriter(4096);
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (JsonLdError e) {
            throw new CanonicalizationException("JSON-LD processing failed: " + describe(e), e);
        } catch (RdfConsumerException e) {
            throw new CanonicalizationException("RDF canonicalization failed: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new CanonicalizationException("RDF canonicalization stopped: " + e.getMessage(), e);
        }
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
            if (number.isIntegralNumber()) {
                return JakartaJson.exactNumber(number);
            }
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

package vn.academicledger.core.proof;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.apicatalog.rdf.api.RdfQuadConsumer;

import vn.academicledger.core.crypto.Hex;

/**
 * RDF Dataset Canonicalization (W3C RDFC-1.0, SHA-256) of the quads a JSON-LD processor emits,
 * producing the serialized canonical form (canonical N-Quads, sorted, one per line).
 *
 * <p>Written for the sizes credentials have (a hundred quads, a few dozen blank nodes): every
 * quad's terms are serialized once, canonical lines are built once and sorted once. (titanium-rdfc
 * 2.0.0 rebuilds a quad's N-Quads line on every comparison of its final sort, which was half the
 * cost of signing a report card.) Checked against the W3C RDFC-1.0 test suite and, on generated
 * report cards, against titanium-rdfc.
 *
 * <p>Work is bounded: a dataset whose blank nodes can only be told apart by exploring too many
 * permutations (dataset poisoning) is refused with an {@link IllegalStateException}.
 * One instance canonicalizes one dataset on one thread.
 */
final class Rdfc10 implements RdfQuadConsumer {
    /** Work units (Hash N-Degree calls and permutations) allowed per dataset. */
    static final int MAX_WORK = 100_000;
    private static final String BLANK_PREFIX = "_:";
    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
    private static final String RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
    private static final String RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString";

    /** Code point order (String.compareTo is UTF-16 order, which differs above U+FFFF). */
    static final Comparator<String> CODE_POINT_ORDER = Rdfc10::compareCodePoints;

    private final MessageDigest digest;
    private final List<Quad> quads = new ArrayList<>();
    private final Set<Quad> distinct = new HashSet<>();
    private final Map<String, List<Quad>> blankNodeQuads = new LinkedHashMap<>();
    private final Map<String, String> firstDegreeHashes = new HashMap<>();
    private final IdentifierIssuer canonicalIssuer = new IdentifierIssuer("c14n");
    private int work;

    Rdfc10(MessageDigest digest) {
        this.digest = digest;
    }

    @Override
    public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language,
                                String direction, String graph) {
        Quad quad = new Quad(subject, predicate, object, datatype, language, direction, graph);
        if (!distinct.add(quad)) {
            return this; // a dataset is a set: the same quad twice is one quad
        }
        quads.add(quad);
        if (quad.subjectBlank) {
            mention(quad.subject, quad);
        }
        if (quad.objectBlank && !quad.object.equals(quad.subject)) {
            mention(quad.object, quad);
        }
        if (quad.graphBlank && !(quad.subjectBlank && quad.graph.equals(quad.subject))
                && !(quad.objectBlank && quad.graph.equals(quad.object))) {
            mention(quad.graph, quad);
        }
        return this;
    }

    private void mention(String blankNode, Quad quad) {
        blankNodeQuads.computeIfAbsent(blankNode, k -> new ArrayList<>(4)).add(quad);
    }

    /** The serialized canonical form: canonical N-Quads lines in code point order. */
    String canonicalNQuads() {
        // Steps 3-4: first degree hashes; unique ones get canonical identifiers in hash order.
        TreeMap<String, List<String>> hashToBlankNodes = new TreeMap<>();
        for (String blankNode : blankNodeQuads.keySet()) {
            String hash = hashFirstDegree(blankNode);
            firstDegreeHashes.put(blankNode, hash);
            hashToBlankNodes.computeIfAbsent(hash, k -> new ArrayList<>(1)).add(blankNode);
        }
        List<List<String>> shared = new ArrayList<>();
        for (List<String> blankNodes : hashToBlankNodes.values()) {
            if (blankNodes.size() == 1) {
                canonicalIssuer.issue(blankNodes.get(0));
            } else {
                shared.add(blankNodes);
            }
        }
        // Step 5: blank nodes sharing a first degree hash, in hash order.
        for (List<String> blankNodes : shared) {
            List<NDegreeResult> results = new ArrayList<>();
            for (String blankNode : blankNodes) {
                if (canonicalIssuer.has(blankNode)) {
                    continue;
                }
                IdentifierIssuer temporary = new IdentifierIssuer("b");
                temporary.issue(blankNode);
                results.add(hashNDegree(blankNode, temporary));
            }
            results.sort(Comparator.comparing(r -> r.hash));
            for (NDegreeResult result : results) {
                for (String existing : result.issuer.issued.keySet()) {
                    canonicalIssuer.issue(existing);
                }
            }
        }
        // Step 7: serialize with canonical labels, sort, concatenate.
        String[] lines = new String[quads.size()];
        int length = 0;
        for (int i = 0; i < lines.length; i++) {
            lines[i] = quads.get(i).line(canonicalIssuer.issued, null);
            length += lines[i].length();
        }
        Arrays.sort(lines, CODE_POINT_ORDER);
        StringBuilder out = new StringBuilder(length);
        for (String line : lines) {
            out.append(line);
        }
        return out.toString();
    }

    /** The issued canonical labels (input blank node id → c14nN), for tests. */
    Map<String, String> canonicalLabels() {
        return canonicalIssuer.issued;
    }

    private String hashFirstDegree(String reference) {
        List<Quad> mentions = blankNodeQuads.get(reference);
        String[] lines = new String[mentions.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = mentions.get(i).line(null, reference);
        }
        Arrays.sort(lines, CODE_POINT_ORDER);
        digest.reset();
        for (String line : lines) {
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return Hex.encode(digest.digest());
    }

    private String hashRelatedBlankNode(String related, Quad quad, IdentifierIssuer issuer, char position) {
        StringBuilder input = new StringBuilder(96).append(position);
        if (position != 'g') {
            input.append('<').append(quad.predicate).append('>');
        }
        String identifier = canonicalIssuer.issued.get(related);
        if (identifier == null) {
            identifier = issuer.issued.get(related);
        }
        if (identifier != null) {
            input.append(BLANK_PREFIX).append(identifier);
        } else {
            input.append(firstDegreeHashes.get(related));
        }
        return sha256Hex(input);
    }

    private NDegreeResult hashNDegree(String identifier, IdentifierIssuer issuer) {
        spend();
        TreeMap<String, List<String>> relatedByHash = new TreeMap<>();
        for (Quad quad : blankNodeQuads.get(identifier)) {
            if (quad.subjectBlank && !quad.subject.equals(identifier)) {
                relate(relatedByHash, quad.subject, quad, issuer, 's');
            }
            if (quad.objectBlank && !quad.object.equals(identifier)) {
                relate(relatedByHash, quad.object, quad, issuer, 'o');
            }
            if (quad.graphBlank && !quad.graph.equals(identifier)) {
                relate(relatedByHash, quad.graph, quad, issuer, 'g');
            }
        }
        StringBuilder dataToHash = new StringBuilder();
        for (Map.Entry<String, List<String>> entry : relatedByHash.entrySet()) {
            dataToHash.append(entry.getKey());
            String chosenPath = "";
            IdentifierIssuer chosenIssuer = null;
            for (List<String> permutation : permutations(entry.getValue())) {
                spend();
                IdentifierIssuer issuerCopy = issuer.copy();
                StringBuilder path = new StringBuilder();
                List<String> recursion = new ArrayList<>();
                boolean skip = false;
                for (String related : permutation) {
                    String canonical = canonicalIssuer.issued.get(related);
                    if (canonical != null) {
                        path.append(BLANK_PREFIX).append(canonical);
                    } else {
                        if (!issuerCopy.has(related)) {
                            recursion.add(related);
                        }
                        path.append(BLANK_PREFIX).append(issuerCopy.issue(related));
                    }
                    if (worse(path, chosenPath)) {
                        skip = true;
                        break;
                    }
                }
                if (skip) {
                    continue;
                }
                for (String related : recursion) {
                    NDegreeResult result = hashNDegree(related, issuerCopy);
                    path.append(BLANK_PREFIX).append(issuerCopy.issue(related));
                    path.append('<').append(result.hash).append('>');
                    issuerCopy = result.issuer;
                    if (worse(path, chosenPath)) {
                        skip = true;
                        break;
                    }
                }
                if (skip) {
                    continue;
                }
                if (chosenIssuer == null || compareCodePoints(path.toString(), chosenPath) < 0) {
                    chosenPath = path.toString();
                    chosenIssuer = issuerCopy;
                }
            }
            dataToHash.append(chosenPath);
            issuer = chosenIssuer;
        }
        return new NDegreeResult(sha256Hex(dataToHash), issuer);
    }

    private static boolean worse(CharSequence path, String chosenPath) {
        return !chosenPath.isEmpty() && path.length() >= chosenPath.length()
                && compareCodePoints(path.toString(), chosenPath) > 0;
    }

    private void relate(Map<String, List<String>> relatedByHash, String related, Quad quad, IdentifierIssuer issuer,
                        char position) {
        String hash = hashRelatedBlankNode(related, quad, issuer, position);
        relatedByHash.computeIfAbsent(hash, k -> new ArrayList<>(2)).add(related);
    }

    private void spend() {
        if (++work > MAX_WORK) {
            throw new IllegalStateException("more than " + MAX_WORK + " steps: the dataset has too many blank nodes"
                    + " that only permutations can tell apart (dataset poisoning)");
        }
    }

    private String sha256Hex(CharSequence input) {
        digest.reset();
        return Hex.encode(digest.digest(input.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** All orderings of {@code items} (Heap's algorithm); the order they come in does not matter. */
    private List<List<String>> permutations(List<String> items) {
        List<List<String>> all = new ArrayList<>();
        String[] current = items.toArray(new String[0]);
        int[] counters = new int[current.length];
        all.add(List.of(current));
        int i = 0;
        while (i < current.length) {
            if (counters[i] < i) {
                int swap = (i % 2 == 0) ? 0 : counters[i];
                String t = current[swap];
                current[swap] = current[i];
                current[i] = t;
                all.add(List.of(current));
                spend();
                counters[i]++;
                i = 0;
            } else {
                counters[i] = 0;
                i++;
            }
        }
        return all;
    }

    static int compareCodePoints(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean xSurrogate = Character.isSurrogate(x);
                boolean ySurrogate = Character.isSurrogate(y);
                if (xSurrogate != ySurrogate && (x >= 0xE000 || y >= 0xE000)) {
                    // a surrogate (code point above U+FFFF) sorts after any BMP char from U+E000
                    return xSurrogate ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** An identifier issuer: prefix + counter, remembering what it issued in order. */
    private static final class IdentifierIssuer {
        final String prefix;
        final LinkedHashMap<String, String> issued;
        int counter;

        IdentifierIssuer(String prefix) {
            this.prefix = prefix;
            this.issued = new LinkedHashMap<>();
        }

        private IdentifierIssuer(IdentifierIssuer other) {
            this.prefix = other.prefix;
            this.issued = new LinkedHashMap<>(other.issued);
            this.counter = other.counter;
        }

        String issue(String existing) {
            String identifier = issued.get(existing);
            if (identifier == null) {
                identifier = prefix + counter++;
                issued.put(existing, identifier);
            }
            return identifier;
        }

        boolean has(String existing) {
            return issued.containsKey(existing);
        }

        IdentifierIssuer copy() {
            return new IdentifierIssuer(this);
        }
    }

    private record NDegreeResult(String hash, IdentifierIssuer issuer) {
    }

    /** One quad, its fixed terms serialized once. Equal when all terms are equal. */
    private static final class Quad {
        final String subject;
        final String predicate;
        final String object;
        final String graph;
        final boolean subjectBlank;
        final boolean objectBlank;
        final boolean graphBlank;
        final String subjectTerm;
        final String predicateTerm;
        final String objectTerm;
        final String graphTerm;

        Quad(String subject, String predicate, String object, String datatype, String language, String direction,
             String graph) {
            this.subject = subject;
            this.predicate = predicate;
            this.object = object;
            this.graph = graph;
            boolean literal = RdfQuadConsumer.isLiteral(datatype, language, direction);
            this.subjectBlank = subject.startsWith(BLANK_PREFIX);
            this.objectBlank = !literal && object.startsWith(BLANK_PREFIX);
            this.graphBlank = graph != null && graph.startsWith(BLANK_PREFIX);
            this.subjectTerm = subjectBlank ? null : iri(subject);
            this.predicateTerm = iri(predicate);
            this.objectTerm = literal ? literal(object, datatype, language, direction) : objectBlank ? null : iri(object);
            this.graphTerm = graph == null || graphBlank ? null : iri(graph);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Quad quad && subject.equals(quad.subject) && predicate.equals(quad.predicate)
                    && object.equals(quad.object) && java.util.Objects.equals(graph, quad.graph)
                    && java.util.Objects.equals(objectTerm, quad.objectTerm) && objectBlank == quad.objectBlank;
        }

        @Override
        public int hashCode() {
            return (subject.hashCode() * 31 + predicate.hashCode()) * 31 + object.hashCode();
        }

        /**
         * The canonical N-Quads line. Blank nodes: with {@code reference} set, that one is
         * {@code _:a} and others {@code _:z} (Hash First Degree Quads); otherwise labels from
         * {@code labels}, or the input ids when {@code labels} is null.
         */
        String line(Map<String, String> labels, String reference) {
            StringBuilder line = new StringBuilder(subjectTerm == null ? 64 : subjectTerm.length() + 96);
            term(line, subjectTerm, subject, labels, reference).append(' ').append(predicateTerm).append(' ');
            term(line, objectTerm, object, labels, reference);
            if (graph != null) {
                term(line.append(' '), graphTerm, graph, labels, reference);
            }
            return line.append(" .\n").toString();
        }

        private static StringBuilder term(StringBuilder line, String fixed, String blankNode, Map<String, String> labels,
                                          String reference) {
            if (fixed != null) {
                return line.append(fixed);
            }
            line.append(BLANK_PREFIX);
            if (reference != null) {
                return line.append(blankNode.equals(reference) ? 'a' : 'z');
            }
            return line.append(labels == null ? blankNode.substring(2) : labels.get(blankNode));
        }

        private static String iri(String iri) {
            return '<' + iri + '>';
        }

        private static String literal(String value, String datatype, String language, String direction) {
            StringBuilder out = new StringBuilder(value.length() + 48).append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\b' -> out.append("\\b");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\f' -> out.append("\\f");
                    case '\r' -> out.append("\\r");
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c <= 0x1f || c == 0x7f || c == 0xfffe || c == 0xffff || lone(value, i)) {
                            out.append(String.format("\\u%04X", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
            if (language != null && !language.isEmpty()) {
                out.append('@').append(language);
                if (direction != null && !direction.isEmpty()) {
                    out.append("--").append(direction);
                }
            } else if (datatype != null && !XSD_STRING.equals(datatype) && !RDF_LANG_STRING.equals(datatype)
                    && !RDF_DIR_LANG_STRING.equals(datatype)) {
                out.append("^^<").append(datatype).append('>');
            }
            return out.toString();
        }

        /** A surrogate that is not half of a pair (not an XML 1.1 Char). */
        private static boolean lone(String value, int i) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
            }
            if (Character.isLowSurrogate(c)) {
                return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
            }
            return false;
        }
    }
}

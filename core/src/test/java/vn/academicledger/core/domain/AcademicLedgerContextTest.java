package vn.academicledger.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.rdf.RdfDataset;
import com.apicatalog.rdf.RdfNQuad;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.anchor.AnchorReceipt;
import vn.academicledger.core.grading.SampleClass;
import vn.academicledger.core.vc.BundledContexts;

/**
 * The context {@code https://w3id.org/academic-ledger/v1} is valid JSON-LD 1.1, works after the
 * protected VC 2.0 context, and defines every term the mapping writes, so that nothing is dropped
 * from what RDF canonicalization signs.
 */
class AcademicLedgerContextTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VC2 = "https://www.w3.org/ns/credentials/v2";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    private static final String UNDEFINED = "https://www.w3.org/ns/credentials/undefined-term#";

    /** Serves the two contexts from the classpath; anything else fails, so nothing is fetched. */
    private static final DocumentLoader LOADER = (url, options) -> {
        Map<String, String> files = Map.of(VC2, "/contexts/credentials-v2.jsonld",
                AcademicLedgerContext.URL, AcademicLedgerContext.RESOURCE);
        String file = files.get(url.toString());
        if (file == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "not bundled: " + url);
        }
        try (InputStream in = AcademicLedgerContextTest.class.getResourceAsStream(file)) {
            Document d = JsonDocument.of(in);
            d.setDocumentUrl(url);
            return d;
        } catch (java.io.IOException e) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e);
        }
    };

    @Test
    void the_context_is_protected_json_ld_1_1_under_our_vocabulary() throws Exception {
        JsonNode context = JSON.readTree(AcademicLedgerContext.bytes()).get("@context");
        assertThat(context.get("@version").asDouble()).isEqualTo(1.1);
        assertThat(context.get("@protected").asBoolean()).isTrue();
        assertThat(context.get("al").asText()).isEqualTo(AcademicLedgerContext.VOCABULARY);
        assertThat(context.get("averageYear").get("@type").asText()).isEqualTo("xsd:decimal");
        assertThat(context.get("birthDate").get("@type").asText()).isEqualTo("xsd:date");
    }

    @Test
    void the_context_redefines_no_term_of_the_vc_2_context() throws Exception {
        Set<String> ours = terms(JSON.readTree(AcademicLedgerContext.bytes()).get("@context"));
        Set<String> theirs = terms(JSON.readTree(getClass().getResourceAsStream("/contexts/credentials-v2.jsonld"))
                .get("@context"));
        ours.retainAll(theirs);
        assertThat(ours).isEmpty();
    }

    @Test
    void every_property_the_mapping_and_the_anchoring_receipt_write_is_defined() throws Exception {
        Set<String> defined = terms(JSON.readTree(AcademicLedgerContext.bytes()).get("@context"));
        defined.addAll(List.of("id", "type"));
        SampleClass sample = SampleClass.load();
        List<JsonNode> documents = new ArrayList<>();
        documents.add(CredentialSubjects.of(sample.reportCards().get(0)));
        documents.add(CredentialSubjects.of(sample.diplomas().get(0)));
        documents.add(CredentialSubjects.of(DomainFixtures.certificate()));
        documents.add(receipt());
        Set<String> used = new HashSet<>();
        documents.forEach(d -> collectKeys(d, used));
        assertThat(defined).containsAll(used);
    }

    @Test
    void a_report_card_credential_expands_with_every_term_defined() throws Exception {
        String expanded = expand(credential(CredentialType.REPORT_CARD,
                CredentialSubjects.of(SampleClass.load().reportCards().get(0))), LOADER);
        assertThat(expanded).doesNotContain(UNDEFINED)
                .contains(AcademicLedgerContext.VOCABULARY + "averageYear")
                .contains(AcademicLedgerContext.VOCABULARY + "ReportCardCredential")
                .contains(AcademicLedgerContext.VOCABULARY + "MerkleInclusionProof");
    }

    @Test
    void the_undefined_term_check_does_catch_a_property_outside_the_context() throws Exception {
        ObjectNode subject = CredentialSubjects.of(DomainFixtures.reportCard());
        ((ObjectNode) subject.get("reportCard")).put("rank", 3);
        assertThat(expand(credential(CredentialType.REPORT_CARD, subject), LOADER)).contains(UNDEFINED + "rank");
    }

    @Test
    void diploma_and_certificate_credentials_expand_with_every_term_defined() throws Exception {
        assertThat(expand(credential(CredentialType.DIPLOMA, CredentialSubjects.of(DomainFixtures.diploma())), LOADER))
                .doesNotContain(UNDEFINED).contains(AcademicLedgerContext.VOCABULARY + "registerNumber");
        assertThat(expand(credential(CredentialType.CERTIFICATE, CredentialSubjects.of(DomainFixtures.certificate())),
                LOADER)).doesNotContain(UNDEFINED).contains(AcademicLedgerContext.VOCABULARY + "awardingBody");
    }

    @Test
    void scores_become_xsd_decimal_literals_and_dates_xsd_date_in_rdf() throws Exception {
        ObjectNode credential = credential(CredentialType.REPORT_CARD, CredentialSubjects.of(DomainFixtures.reportCard()));
        RdfDataset dataset = JsonLd.toRdf(JsonDocument.of(new StringReader(credential.toString()))).loader(LOADER).get();
        List<String> averages = new ArrayList<>();
        String birthDate = null;
        for (RdfNQuad q : dataset.toList()) {
            String predicate = q.getPredicate().getValue();
            if (predicate.equals(AcademicLedgerContext.VOCABULARY + "averageYear")) {
                assertThat(q.getObject().asLiteral().getDatatype()).isEqualTo(XSD + "decimal");
                averages.add(q.getObject().getValue());
            }
            if (predicate.equals(AcademicLedgerContext.VOCABULARY + "birthDate")) {
                assertThat(q.getObject().asLiteral().getDatatype()).isEqualTo(XSD + "date");
                birthDate = q.getObject().getValue();
            }
            if (predicate.equals(AcademicLedgerContext.VOCABULARY + "gradeLevel")) {
                assertThat(q.getObject().getValue()).isEqualTo("12");
                assertThat(q.getObject().asLiteral().getDatatype()).isEqualTo(XSD + "integer");
            }
        }
        assertThat(averages).hasSize(9).containsOnly("8.6");
        assertThat(birthDate).isEqualTo("2008-03-14");
    }

    @Test
    void the_bundled_document_loader_of_the_vc_package_serves_this_context_the_same_way() throws Exception {
        ObjectNode credential = credential(CredentialType.REPORT_CARD, CredentialSubjects.of(DomainFixtures.reportCard()));
        assertThat(BundledContexts.shared().contains(AcademicLedgerContext.URL)).isTrue();
        assertThat(expand(credential, BundledContexts.shared())).isEqualTo(expand(credential, LOADER));
    }

    /**
     * A credential with the VC 2.0 context, ours, and last a context whose {@code @vocab} maps every
     * undefined term to {@value #UNDEFINED} (the VC 2.0 "undefined terms" check).
     */
    private static ObjectNode credential(CredentialType type, ObjectNode subject) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode vc = f.objectNode();
        ArrayNode context = vc.putArray("@context");
        context.add(VC2).add(AcademicLedgerContext.URL);
        context.addObject().put("@vocab", UNDEFINED);
        vc.putArray("type").add("VerifiableCredential").add(type.typeName());
        vc.put("issuer", "did:web:thptbennghe.hcm.edu.vn");
        vc.put("validFrom", "2026-06-01T00:00:00+07:00");
        vc.set("credentialSubject", subject);
        vc.putArray("proof").add(receipt());
        return vc;
    }

    private static ObjectNode receipt() {
        String h = "ab".repeat(32);
        return new AnchorReceipt("fabric:academic", "batch-2026-06-01-0001", h, 2, 5, List.of(h, h, h),
                "c2FsdHNhbHRzYWx0c2FsdA").toJson();
    }

    private static String expand(ObjectNode document, DocumentLoader loader) throws JsonLdError {
        return JsonLd.expand(JsonDocument.of(new StringReader(document.toString()))).loader(loader).get().toString();
    }

    private static Set<String> terms(JsonNode context) {
        Set<String> terms = new HashSet<>();
        Iterator<String> names = context.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.startsWith("@")) {
                terms.add(name);
            }
        }
        return terms;
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                keys.add(e.getKey());
                collectKeys(e.getValue(), keys);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectKeys(n, keys));
        }
    }
}

package vn.academicledger.core.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.vc.BundledContexts;

class RdfCanonicalizerTest {
    private final RdfCanonicalizer canonicalizer = new RdfCanonicalizer(BundledContexts.shared());

    @Test
    void agrees_with_jsonld_js_on_a_report_card() throws IOException {
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/vectors/jsonld-js/report-card-42.nq")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        String canonical = canonicalizer.canonicalNQuads(ReportCardFixture.reportCard(42));

        assertThat(canonical).isEqualTo(expected);
        assertThat(canonical.lines()).hasSize(129);
        assertThat(canonical).contains("\"8.6\"^^<http://www.w3.org/2001/XMLSchema#decimal>")
                .contains("\"Nguyễn Thị Ánh Tuyết\"");
    }

    @Test
    void writes_numbers_as_javascript_json_ld_processors_do() throws Exception {
        ObjectNode numbers = (ObjectNode) Vectors.JSON.readTree("""
                {"@context": {"@vocab": "https://example.org/vocab#", "xsd": "http://www.w3.org/2001/XMLSchema#",
                              "asDecimal": {"@id": "https://example.org/vocab#asDecimal", "@type": "xsd:decimal"}},
                 "@id": "urn:example:numbers",
                 "a": 8.6, "b": 9.0, "c": 9, "d": 0.1, "e": 1234567890123456.5, "f": 1e21,
                 "g": 2.5e-7, "h": 0.30000000000000004, "i": 123456789012345678, "j": -0.0, "m": -8.25,
                 "asDecimal": [8.6, 10, "8.60"]}
                """);

        // Each line as jsonld.js 8.3.3 writes it.
        assertThat(canonicalizer.canonicalNQuads(numbers).lines().map(l -> l.substring(l.indexOf('#') + 1)))
                .containsExactly(
                        "a> \"8.6E0\"^^<http://www.w3.org/2001/XMLSchema#double> .",
                        "asDecimal> \"10\"^^<http://www.w3.org/2001/XMLSchema#decimal> .",
                        "asDecimal> \"8.60\"^^<http://www.w3.org/2001/XMLSchema#decimal> .",
                        "asDecimal> \"8.6E0\"^^<http://www.w3.org/2001/XMLSchema#decimal> .",
                        "b> \"9\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
                        "c> \"9\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
                        "d> \"1.0E-1\"^^<http://www.w3.org/2001/XMLSchema#double> .",
                        "e> \"1.234567890123457E15\"^^<http://www.w3.org/2001/XMLSchema#double> .",
                        "f> \"1.0E21\"^^<http://www.w3.org/2001/XMLSchema#double> .",
                        "g> \"2.5E-7\"^^<http://www.w3.org/2001/XMLSchema#double> .",
                        "h> \"3.0E-1\"^^<http://www.w3.org/2001/XMLSchema#double> .",
                        "i> \"123456789012345680\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
                        "j> \"0\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
                        "m> \"-8.25E0\"^^<http://www.w3.org/2001/XMLSchema#double> .");
    }

    @Test
    void refuses_negative_numbers_of_magnitude_1e21_and_more() throws Exception {
        ObjectNode document = (ObjectNode) Vectors.JSON.readTree(
                "{\"@context\": {\"@vocab\": \"https://example.org/vocab#\"}, \"n\": -1e22}");

        assertThatThrownBy(() -> canonicalizer.canonicalNQuads(document)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("write it as a string");
    }

    @Test
    void gives_the_same_result_from_many_threads_with_and_without_doubles() throws Exception {
        ObjectNode withDoubles = (ObjectNode) Vectors.JSON.readTree("""
                {"@context": {"@vocab": "https://example.org/vocab#"}, "@id": "urn:x", "a": 8.6, "b": [1.25, 3.5e-3]}
                """);
        String expectedDoubles = canonicalizer.canonicalNQuads(withDoubles);
        String expectedCard = canonicalizer.canonicalNQuads(ReportCardFixture.reportCard(5));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> canonicalizer.canonicalNQuads(withDoubles).equals(expectedDoubles)
                        && canonicalizer.canonicalNQuads(ReportCardFixture.reportCard(5)).equals(expectedCard)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void names_the_undefined_term_when_refusing_a_document() {
        ObjectNode card = ReportCardFixture.reportCard(1);
        ((ObjectNode) card.at("/credentialSubject/reportCard")).put("xepLoai", "Giỏi");

        assertThatThrownBy(() -> canonicalizer.canonicalNQuads(card))
                .isInstanceOf(RdfCanonicalizer.CanonicalizationException.class)
                .hasMessageContaining("xepLoai");
    }
}

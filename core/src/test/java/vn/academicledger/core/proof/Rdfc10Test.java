package vn.academicledger.core.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.apicatalog.rdf.nquads.NQuadsReader;

import vn.academicledger.core.crypto.Sha256;
import vn.academicledger.core.vc.BundledContexts;

/** RDFC-1.0 against the W3C test suite, and against titanium-rdfc on our own credentials. */
class Rdfc10Test {

    static Stream<String> approvedSha256EvalTests() throws IOException {
        List<String> tests = new ArrayList<>();
        for (String line : resource("manifest.csv").lines().skip(1).toList()) {
            String[] columns = line.split(",");
            // test,name,comment,complexity,approval,hashAlgorithm,rdfc10,rdfc10map (no commas inside the used columns)
            if (line.contains(",Approved,,TRUE,")) {
                tests.add(columns[0]);
            }
        }
        return tests.stream();
    }

    @Test
    void runs_all_sixty_three_approved_sha256_evaluation_tests() throws IOException {
        assertThat(approvedSha256EvalTests().count()).isEqualTo(63);
    }

    @ParameterizedTest
    @MethodSource("approvedSha256EvalTests")
    void produces_the_w3c_expected_canonical_form(String test) throws Exception {
        Rdfc10 canon = new Rdfc10(Sha256.newDigest());
        new NQuadsReader(new StringReader(resource(test + "-in.nq"))).provide(canon);

        assertThat(canon.canonicalNQuads()).isEqualTo(resource(test + "-rdfc10.nq"));
    }

    @Test
    void refuses_the_poisoned_clique_graph_of_the_negative_test() throws Exception {
        Rdfc10 canon = new Rdfc10(Sha256.newDigest());
        new NQuadsReader(new StringReader(resource("test074-in.nq"))).provide(canon);

        assertThatThrownBy(canon::canonicalNQuads).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("poisoning");
    }

    @Test
    void agrees_with_titanium_rdfc_on_report_cards_and_the_w3c_credential() {
        RdfCanonicalizer canonicalizer = new RdfCanonicalizer(BundledContexts.shared());
        for (int i = 0; i < 200; i++) {
            var card = ReportCardFixture.reportCard(i);
            assertThat(canonicalizer.canonicalNQuads(card)).isEqualTo(canonicalizer.canonicalNQuadsWithTitanium(card));
        }
        var alumni = Vectors.json("unsigned.json");
        assertThat(canonicalizer.canonicalNQuads(alumni)).isEqualTo(canonicalizer.canonicalNQuadsWithTitanium(alumni));
    }

    @Test
    void orders_lines_by_code_point_not_by_utf16_unit() {
        // U+1F600 (surrogates D83D DE00) is above U+FB33 in code point order, below it in UTF-16 order.
        assertThat(Rdfc10.compareCodePoints("\ud83d\ude00", "\ufb33")).isPositive();
        assertThat("\ud83d\ude00".compareTo("\ufb33")).isNegative();
        assertThat(Rdfc10.compareCodePoints("a", "b")).isNegative();
        assertThat(Rdfc10.compareCodePoints("ab", "a")).isPositive();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Rdfc10Test.class.getResourceAsStream("/vectors/rdf-canon/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package vn.academicledger.core.vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

import vn.academicledger.core.error.AcademicLedgerException;

class BundledContextsTest {
    private final BundledContexts contexts = BundledContexts.shared();

    @Test
    void serves_the_vc_2_0_data_integrity_multikey_did_and_example_contexts() throws JsonLdError {
        assertThat(contexts.urls()).contains(BundledContexts.CREDENTIALS_V2, BundledContexts.CREDENTIALS_EXAMPLES_V2,
                BundledContexts.DATA_INTEGRITY_V2, BundledContexts.MULTIKEY_V1, BundledContexts.DID_V1);

        Document v2 = contexts.loadDocument(URI.create(BundledContexts.CREDENTIALS_V2), new DocumentLoaderOptions());

        assertThat(v2.getDocumentUrl()).hasToString(BundledContexts.CREDENTIALS_V2);
        assertThat(v2.getJsonContent().orElseThrow().asJsonObject().getJsonObject("@context").getBoolean("@protected"))
                .isTrue();
    }

    @Test
    void parses_each_context_once() throws JsonLdError {
        URI url = URI.create(BundledContexts.MULTIKEY_V1);

        assertThat(contexts.loadDocument(url, new DocumentLoaderOptions()))
                .isSameAs(contexts.loadDocument(url, new DocumentLoaderOptions()));
    }

    @Test
    void ships_the_official_vc_2_0_context_that_defines_the_data_integrity_terms() {
        var v2 = contexts.context(BundledContexts.CREDENTIALS_V2).get("@context");

        assertThat(v2.at("/DataIntegrityProof/@context/cryptosuite/@type").textValue())
                .isEqualTo("https://w3id.org/security#cryptosuiteString");
        assertThat(v2.has("@vocab")).isFalse();
    }

    @Test
    void serves_the_academic_ledger_context_when_it_is_on_the_class_path() {
        boolean present = getClass().getClassLoader().getResource("contexts/academic-ledger-v1.jsonld") != null;

        assertThat(contexts.contains(BundledContexts.ACADEMIC_LEDGER_V1)).isEqualTo(present);
    }

    @Test
    void refuses_any_other_url_without_going_to_the_network() {
        assertThatThrownBy(() -> contexts.loadDocument(URI.create("https://schema.org/"), new DocumentLoaderOptions()))
                .isInstanceOf(JsonLdError.class)
                .hasMessageContaining("https://schema.org/ is not bundled")
                .hasMessageContaining("nothing is fetched");
        assertThatThrownBy(() -> contexts.context("https://www.w3.org/2018/credentials/v1"))
                .isInstanceOf(AcademicLedgerException.class).hasMessageContaining("not bundled");
    }
}

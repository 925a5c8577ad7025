package vn.academicledger.verifier.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.error.InvalidInputException;

class QrLinkTest {
    private final UUID id = UUID.fromString("159a7508-6147-4974-878c-82343be41356");

    @Test
    void reads_the_link_the_documents_module_prints() {
        QrLink link = QrLink.parse("https://verify.hcm.edu.vn/v/" + id + "#t=Zm9vYmFyYmF6cXV4MTIzNA");

        assertThat(link.credentialId()).isEqualTo(id);
        assertThat(link.token()).contains("Zm9vYmFyYmF6cXV4MTIzNA");
    }

    @Test
    void reads_a_link_without_token_and_one_under_a_base_path() {
        assertThat(QrLink.parse("http://127.0.0.1:8080/v/" + id).token()).isEmpty();
        assertThat(QrLink.parse("https://sogddt.hcm.gov.vn/tra-cuu/v/" + id + "/").credentialId()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "WIFI:S:x;;", "ftp://x.vn/v/159a7508-6147-4974-878c-82343be41356",
            "https://x.vn/credentials/159a7508-6147-4974-878c-82343be41356", "https://x.vn/v/159a7508",
            "https://x.vn/v/159a7508-6147-4974-878c-82343be41356#t=short", "https://x.vn/v/159a7508-6147-4974-878c-82343be41356#t=<script>alert(1)</script>x",
            "https://x .vn/v/1"})
    void refuses_text_that_is_no_verification_link_with_a_sentence(String text) {
        assertThatThrownBy(() -> QrLink.parse(text)).isInstanceOf(InvalidInputException.class).hasMessageContaining("");
    }

    @Test
    void refuses_a_non_canonical_uuid() {
        assertThatThrownBy(() -> QrLink.uuid("1-1-1-1-1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a credential code");
    }
}

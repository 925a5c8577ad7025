package vn.academicledger.documents.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.error.InvalidInputException;

class QrPayloadTest {
    static final UUID ID = UUID.fromString("0f0e6c3a-2b1d-4c8e-9a7b-5d4e3f2a1b0c");

    @Test
    void builds_the_verification_url_with_the_token_in_the_fragment() {
        assertThat(QrPayload.of("https://verify.hcm.edu.vn/", ID, "Zm9vYmFyLWJhei1xdXV4").url())
                .isEqualTo("https://verify.hcm.edu.vn/v/0f0e6c3a-2b1d-4c8e-9a7b-5d4e3f2a1b0c#t=Zm9vYmFyLWJhei1xdXV4");
    }

    @Test
    void keeps_a_configured_path() {
        assertThat(QrPayload.of("https://hcm.edu.vn/xac-minh", ID, "Zm9vYmFyLWJhei1xdXV4").url())
                .startsWith("https://hcm.edu.vn/xac-minh/v/");
    }

    @Test
    void refuses_plain_http_except_on_localhost() {
        assertThatThrownBy(() -> QrPayload.of("http://verify.hcm.edu.vn", ID, "Zm9vYmFyLWJhei1xdXV4"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("https");
        assertThat(QrPayload.of("http://localhost:8080", ID, "Zm9vYmFyLWJhei1xdXV4").url()).startsWith("http://localhost:8080/v/");
    }

    @Test
    void refuses_a_token_that_is_short_or_not_base64url() {
        assertThatThrownBy(() -> QrPayload.of("https://verify.hcm.edu.vn", ID, "short"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("16 to 128");
        assertThatThrownBy(() -> QrPayload.of("https://verify.hcm.edu.vn", ID, "has spaces and #hash!!"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void the_code_for_a_typical_url_is_version_7_and_at_least_33_mm_wide() {
        QrCode code = QrCode.of(QrPayload.of("https://verify.hcm.edu.vn", ID, "Zm9vYmFyLWJhei1xdXV4Zm9vYmFyLWJhei1xdXV4").url());
        assertThat(code.modules()).isEqualTo(45);
        float mm = code.side(0) / 72f * 25.4f;
        assertThat(mm).isBetween(33f, 40f);
    }
}

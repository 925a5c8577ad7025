package vn.academicledger.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchoolAndYearTest {
    @Test
    void a_school_year_is_two_consecutive_years() {
        assertThat(SchoolYear.parse("2025-2026")).isEqualTo(new SchoolYear(2025));
        assertThat(SchoolYear.parse("2025 – 2026").endYear()).isEqualTo(2026);
        assertThatThrownBy(() -> SchoolYear.parse("2025-2027")).hasMessageContaining("hai năm liên tiếp");
        assertThatThrownBy(() -> SchoolYear.parse("25-26")).hasMessageContaining("dạng 2025-2026");
    }

    @Test
    void an_address_after_july_2025_has_no_district() {
        School school = new School("79000701", "Trường Trung học phổ thông Bến Nghé", "45 Lê Thánh Tôn",
                "Phường Sài Gòn", " ", "Thành phố Hồ Chí Minh", "did:web:thptbennghe.hcm.edu.vn");
        assertThat(school.district()).isNull();
        assertThat(school.fullAddress()).isEqualTo("45 Lê Thánh Tôn, Phường Sài Gòn, Thành phố Hồ Chí Minh");
    }

    @Test
    void a_school_code_must_have_eight_digits_and_the_did_must_be_a_did() {
        assertThatThrownBy(() -> new School("7900070", "Trường A", "1 Đường B", "Phường C", null, "Thành phố Hồ Chí Minh",
                "did:web:a.vn")).hasMessageContaining("8 chữ số");
        assertThatThrownBy(() -> new School("79000701", "Trường A", "1 Đường B", "Phường C", null, "Thành phố Hồ Chí Minh",
                "https://a.vn")).hasMessageContaining("did:phương-thức:định-danh");
    }
}

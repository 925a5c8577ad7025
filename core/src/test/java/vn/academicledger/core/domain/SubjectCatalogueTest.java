package vn.academicledger.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.error.InvalidInputException;

class SubjectCatalogueTest {
    @Test
    void upper_secondary_has_the_eight_compulsory_subjects_of_the_2018_programme() {
        List<String> compulsory = SubjectCatalogue.forGrade(11).stream()
                .filter(s -> s.category() == SubjectCategory.COMPULSORY).map(Subject::vietnamese).toList();
        assertThat(compulsory).containsExactly("Ngữ văn", "Toán", "Ngoại ngữ 1", "Lịch sử", "Giáo dục thể chất",
                "Giáo dục quốc phòng và an ninh", "Hoạt động trải nghiệm, hướng nghiệp",
                "Nội dung giáo dục của địa phương");
    }

    @Test
    void upper_secondary_offers_nine_electives_of_which_a_student_takes_four() {
        assertThat(SubjectCatalogue.forGrade(10).stream().filter(s -> s.category() == SubjectCategory.ELECTIVE)
                .map(Subject::code)).containsExactly("DIA_LI", "GIAO_DUC_KINH_TE_PHAP_LUAT", "VAT_LI", "HOA_HOC",
                "SINH_HOC", "CONG_NGHE", "TIN_HOC", "AM_NHAC", "MY_THUAT");
        assertThat(SubjectCatalogue.requiredElectives(12)).isEqualTo(4);
        assertThat(SubjectCatalogue.requiredElectives(8)).isZero();
    }

    @Test
    void physical_education_arts_local_content_and_experiential_activities_are_comment_only() {
        assertThat(SubjectCatalogue.forGrade(12).stream().filter(s -> !s.isScored()).map(Subject::code))
                .containsExactly("GIAO_DUC_THE_CHAT", "HOAT_DONG_TRAI_NGHIEM_HUONG_NGHIEP",
                        "NOI_DUNG_GIAO_DUC_DIA_PHUONG", "AM_NHAC", "MY_THUAT");
        assertThat(SubjectCatalogue.forGrade(6).stream().filter(s -> !s.isScored()).map(Subject::code))
                .containsExactly("GIAO_DUC_THE_CHAT", "NGHE_THUAT", "HOAT_DONG_TRAI_NGHIEM_HUONG_NGHIEP",
                        "NOI_DUNG_GIAO_DUC_DIA_PHUONG");
    }

    @Test
    void national_defence_education_is_scored() {
        assertThat(SubjectCatalogue.find(12, "GIAO_DUC_QUOC_PHONG_AN_NINH").isScored()).isTrue();
    }

    @Test
    void every_subject_has_a_vietnamese_and_an_english_name_and_a_stable_code() {
        for (int grade = 6; grade <= 12; grade++) {
            assertThat(SubjectCatalogue.forGrade(grade)).allSatisfy(s -> {
                assertThat(s.code()).matches("[A-Z_0-9]+");
                assertThat(s.vietnamese()).isNotBlank();
                assertThat(s.english()).isNotBlank();
            });
        }
    }

    @Test
    void an_unknown_code_is_refused_listing_the_valid_ones() {
        assertThatThrownBy(() -> SubjectCatalogue.find(12, "KHOA_HOC_TU_NHIEN")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("không có trong chương trình lớp 12").hasMessageContaining("TOAN");
    }
}

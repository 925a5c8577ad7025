package vn.academicledger.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.error.InvalidInputException;

class StudentTest {
    private static Student student(String name, LocalDate born, Gender gender, String id) {
        return new Student("2300145", name, born, "Quận 3, Thành phố Hồ Chí Minh", gender, id, "79000701");
    }

    @Test
    void a_personal_id_matching_province_century_gender_and_birth_year_is_accepted() {
        Student s = student("Nguyễn Ngọc Bảo Trâm", LocalDate.of(2008, 3, 14), Gender.FEMALE, "079308001234");
        assertThat(s.givenName()).isEqualTo("Trâm");
        assertThat(s.familyName()).isEqualTo("Nguyễn");
        assertThat(student("Lê Minh Khang", LocalDate.of(2008, 5, 2), Gender.MALE, "080208123456").personalId())
                .isEqualTo("080208123456");
    }

    @Test
    void a_personal_id_whose_fourth_digit_contradicts_the_gender_is_refused() {
        assertThatThrownBy(() -> student("Lê Minh Khang", LocalDate.of(2008, 5, 2), Gender.MALE, "079308123456"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Mã định danh cá nhân 079308123456 của học sinh Lê Minh Khang (mã 2300145): chữ số thứ tư"
                        + " là 3 nhưng với giới tính Nam sinh năm 2008 phải là 2; kiểm tra lại mã, giới tính hoặc ngày sinh.");
    }

    @Test
    void a_personal_id_whose_year_digits_contradict_the_birth_date_is_refused() {
        assertThatThrownBy(() -> student("Lê Minh Khang", LocalDate.of(2008, 5, 2), Gender.MALE, "079207123456"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("năm sinh là 2008 (phải là 08)");
    }

    @Test
    void a_personal_id_of_eleven_digits_or_an_unknown_province_is_refused() {
        assertThatThrownBy(() -> student("Lê Minh Khang", LocalDate.of(2008, 5, 2), Gender.MALE, "07920812345"))
                .hasMessageContaining("đúng 12 chữ số");
        assertThatThrownBy(() -> student("Lê Minh Khang", LocalDate.of(2008, 5, 2), Gender.MALE, "003208123456"))
                .hasMessageContaining("không phải mã tỉnh");
    }

    @Test
    void names_are_stored_in_nfc_so_the_same_name_typed_two_ways_is_the_same_student() {
        String decomposed = Normalizer.normalize("Nguyễn Ngọc Bảo Trâm", Normalizer.Form.NFD);
        Student s = student("  " + decomposed + " ", LocalDate.of(2008, 3, 14), Gender.FEMALE, "079308001234");
        assertThat(s.fullName()).isEqualTo("Nguyễn Ngọc Bảo Trâm");
        assertThat(s).isEqualTo(student("Nguyễn Ngọc Bảo Trâm", LocalDate.of(2008, 3, 14), Gender.FEMALE, "079308001234"));
    }

    @Test
    void a_name_with_digits_or_a_single_word_is_refused() {
        assertThatThrownBy(() -> student("Trâm", LocalDate.of(2008, 3, 14), Gender.FEMALE, "079308001234"))
                .hasMessageContaining("phải gồm cả họ và tên");
        assertThatThrownBy(() -> student("Nguyễn Trâm 2", LocalDate.of(2008, 3, 14), Gender.FEMALE, "079308001234"))
                .hasMessageContaining("chỉ được chứa chữ cái");
    }

    @Test
    void ethnic_minority_names_with_an_apostrophe_are_accepted() {
        assertThat(student("H'Hen Niê", LocalDate.of(2008, 3, 14), Gender.FEMALE, "066308001234").givenName())
                .isEqualTo("Niê");
    }
}

package vn.academicledger.core.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.academicledger.core.domain.Rating;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.domain.Student;
import vn.academicledger.core.domain.YearOutcome;
import vn.academicledger.core.error.InvalidInputException;

class SyntheticClassesTest {
    static final School SCHOOL = SyntheticClasses.school("79000702", "Trường Trung học phổ thông Thủ Thiêm",
            "did:web:thptthuthiem.hcm.edu.vn");
    static final SchoolYear YEAR = SchoolYear.parse("2025-2026");

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AClassOf500 {
        SyntheticClasses.ClassFiles files;
        ClassGradebook book;
        List<ReportCard> cards;

        @BeforeAll
        void generate() {
            files = SyntheticClasses.generate(SCHOOL, YEAR, "12A1", 500, 42);
            book = files.read();
            cards = book.students().stream().map(ReportCardGrading::grade).toList();
        }

        @Test
        void parses_with_the_csv_reader_and_every_student_grades() {
            assertThat(book.students()).hasSize(500);
            assertThat(book.school()).isEqualTo(SCHOOL);
            assertThat(book.grade()).isEqualTo(12);
            assertThat(cards).hasSize(500).allSatisfy(c -> {
                assertThat(c.subjects()).hasSize(12);
                assertThat(ReportCardGrading.discrepancies(c)).isEmpty();
            });
        }

        @Test
        void results_spread_like_a_real_class() {
            Map<Rating, Long> study = count(c -> c.year().study());
            assertThat(study.keySet()).contains(Rating.GOOD, Rating.FAIR, Rating.SATISFACTORY);
            assertThat(study.get(Rating.GOOD) + study.get(Rating.FAIR)).isGreaterThan(250L);
            assertThat(count(ReportCard::outcome)).containsKey(YearOutcome.COMPLETED_UPPER_SECONDARY);
            assertThat(count(ReportCard::honourTitle)).hasSizeGreaterThan(1);
        }

        @Test
        void students_have_unique_numbers_and_ids_with_the_class_in_the_number() {
            List<Student> students = book.students().stream().map(StudentGradebook::student).toList();
            assertThat(students).extracting(Student::studentNumber).doesNotHaveDuplicates()
                    .allSatisfy(n -> assertThat(n).matches("25-12A1-\\d{4}"));
            assertThat(students).extracting(Student::personalId).doesNotHaveDuplicates();
            assertThat(students.get(0).studentNumber()).isEqualTo("25-12A1-0001");
            assertThat(students).extracting(Student::placeOfBirth).anyMatch(p -> p.endsWith("Thành phố Hồ Chí Minh"))
                    .anyMatch(p -> p.startsWith("Tỉnh "));
            assertThat(students).extracting(Student::fullName).allMatch(n -> n.split(" ").length >= 3)
                    .anyMatch(n -> n.startsWith("Nguyễn ")).anyMatch(n -> n.matches(".*[ăâđêôơưĐ].*"));
        }

        @Test
        void the_class_list_is_in_vietnamese_alphabetical_order_of_the_given_name() {
            List<String> given = book.students().stream().map(b -> b.student().givenName()).toList();
            List<String> keys = given.stream().map(SyntheticClasses::sortKey).toList();
            assertThat(keys).isSorted();
            assertThat(SyntheticClasses.sortKey("An")).isLessThan(SyntheticClasses.sortKey("Anh"));
            assertThat(SyntheticClasses.sortKey("Anh")).isLessThan(SyntheticClasses.sortKey("Ánh"));
            assertThat(SyntheticClasses.sortKey("Dung")).isLessThan(SyntheticClasses.sortKey("Đạt"));
            assertThat(SyntheticClasses.sortKey("Ý")).isGreaterThan(SyntheticClasses.sortKey("Xuân"));
            assertThat(SyntheticClasses.sortKey("Hợp")).isGreaterThan(SyntheticClasses.sortKey("Hồng"));
        }

        private <K> Map<K, Long> count(Function<ReportCard, K> key) {
            return cards.stream().filter(c -> key.apply(c) != null)
                    .collect(Collectors.groupingBy(key, Collectors.counting()));
        }
    }

    @Test
    void the_same_seed_gives_the_same_bytes_and_another_seed_other_students() {
        SyntheticClasses.ClassFiles a = SyntheticClasses.generate(SCHOOL, YEAR, "10C3", 60, 7);
        SyntheticClasses.ClassFiles b = SyntheticClasses.generate(SCHOOL, YEAR, "10C3", 60, 7);
        SyntheticClasses.ClassFiles c = SyntheticClasses.generate(SCHOOL, YEAR, "10C3", 60, 8);
        assertThat(a).isEqualTo(b);
        assertThat(a.byFileName()).containsOnlyKeys("lop.csv", "hoc-sinh.csv", "diem.csv");
        assertThat(c.studentsCsv()).isNotEqualTo(a.studentsCsv());
    }

    @Test
    void classes_of_one_school_share_no_student_number() {
        Set<String> numbers = new HashSet<>();
        for (String name : List.of("10A1", "10A2", "11A1", "12A1")) {
            for (StudentGradebook s : SyntheticClasses.generate(SCHOOL, YEAR, name, 45, 1).read().students()) {
                assertThat(numbers.add(s.student().studentNumber())).isTrue();
            }
        }
        assertThat(numbers).hasSize(180);
    }

    @Test
    void lower_secondary_classes_have_no_electives_and_no_clusters() {
        ClassGradebook book = SyntheticClasses.generate(SCHOOL, YEAR, "7/2", 40, 3).read();
        assertThat(book.grade()).isEqualTo(7);
        assertThat(book.students()).allSatisfy(s -> {
            assertThat(s.student().dateOfBirth().getYear()).isBetween(2012, 2013);
            assertThat(s.subjects()).noneMatch(SubjectAssessment::studyTopicCluster);
            assertThat(ReportCardGrading.grade(s).subjects()).hasSize(12);
        });
    }

    @Test
    void a_class_name_must_start_with_its_grade() {
        assertThatThrownBy(() -> SyntheticClasses.generate(SCHOOL, YEAR, "A1", 10, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("khối 6 đến 12");
        assertThatThrownBy(() -> SyntheticClasses.generate(SCHOOL, YEAR, "13A1", 10, 1))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_hundred_thousand_students_take_seconds() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long characters = 0;
        for (int i = 0; i < 100; i++) {
            characters += SyntheticClasses.generate(SCHOOL, YEAR, "12A" + (i + 1), 1_000, i).scoresCsv().length();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("SyntheticClasses: 100000 students (%d MB of diem.csv) in %.2f s, %.2f CPU-seconds: "
                + "%.0f students/s, %.0f per CPU-second%n", characters >> 20, seconds, cpu, 1e5 / seconds, 1e5 / cpu);
        assertThat(cpu).as("CPU-seconds (wall-clock depends on what else runs)").isLessThan(10);
    }
}

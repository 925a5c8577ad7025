package vn.academicledger.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.academicledger.core.domain.Diploma;
import vn.academicledger.core.domain.DiplomaNumbering;
import vn.academicledger.core.domain.Gender;
import vn.academicledger.core.domain.HonourTitle;
import vn.academicledger.core.domain.Rating;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.Student;
import vn.academicledger.core.domain.Term;
import vn.academicledger.core.domain.YearOutcome;

class SampleClassTest {
    private static SampleClass sample;

    @BeforeAll
    static void load() {
        sample = SampleClass.load();
    }

    @Test
    void the_sample_is_a_grade_12_class_of_at_least_42_students_of_a_ho_chi_minh_city_school() {
        assertThat(sample.students()).hasSizeGreaterThanOrEqualTo(42);
        assertThat(sample.school().code()).startsWith("79");
        assertThat(sample.className()).isEqualTo("12A1");
        assertThat(sample.schoolYear()).hasToString("2025-2026");
        assertThat(sample.reportCards()).allSatisfy(c -> assertThat(c.grade()).isEqualTo(12));
    }

    @Test
    void students_are_varied_and_their_identifiers_unique() {
        List<Student> students = sample.students();
        assertThat(students).extracting(Student::gender).contains(Gender.MALE, Gender.FEMALE);
        assertThat(students).allSatisfy(s -> assertThat(s.dateOfBirth().getYear()).isEqualTo(2008));
        assertThat(students.stream().map(Student::personalId).distinct()).hasSize(students.size());
        assertThat(students.stream().map(Student::studentNumber).distinct()).hasSize(students.size());
        assertThat(students.stream().map(Student::placeOfBirth).distinct().count()).isGreaterThan(10);
        assertThat(students).anySatisfy(s -> assertThat(s.personalId()).startsWith("079"));
        assertThat(students).anySatisfy(s -> assertThat(s.personalId()).doesNotStartWith("079"));
    }

    @Test
    void every_report_card_is_the_one_the_rules_compute_from_the_gradebook() {
        for (int i = 0; i < sample.reportCards().size(); i++) {
            ReportCard card = sample.reportCards().get(i);
            assertThat(card).isEqualTo(ReportCardGrading.grade(sample.gradebooks().get(i)));
            assertThat(ReportCardGrading.discrepancies(card)).as(card.student().fullName()).isEmpty();
        }
    }

    @Test
    void every_student_has_the_compulsory_subjects_and_four_electives_with_clusters_in_three() {
        assertThat(sample.reportCards()).allSatisfy(c -> assertThat(c.subjects()).hasSize(12));
        StudentGradebook first = sample.gradebooks().get(0);
        assertThat(first.subjects().stream().filter(SubjectAssessment::studyTopicCluster)
                .map(a -> a.subject().code())).containsExactly("TOAN", "VAT_LI", "HOA_HOC");
    }

    @Test
    void results_are_mostly_good_and_fair_with_a_few_satisfactory_and_two_unsatisfactory() {
        Map<Rating, Long> study = count(c -> c.year().study());
        assertThat(study.get(Rating.GOOD) + study.get(Rating.FAIR)).isGreaterThan(sample.reportCards().size() / 2);
        assertThat(study.get(Rating.SATISFACTORY)).isBetween(3L, 12L);
        assertThat(study.get(Rating.UNSATISFACTORY)).isBetween(1L, 2L);
        Map<HonourTitle, Long> titles = sample.reportCards().stream().filter(c -> c.honourTitle() != null)
                .collect(Collectors.groupingBy(ReportCard::honourTitle, Collectors.counting()));
        assertThat(titles).containsKeys(HonourTitle.EXCELLENT_STUDENT, HonourTitle.GOOD_STUDENT);
        Map<YearOutcome, Long> outcomes = count(ReportCard::outcome);
        assertThat(outcomes).containsKeys(YearOutcome.COMPLETED_UPPER_SECONDARY, YearOutcome.RETEST,
                YearOutcome.SUMMER_TRAINING);
    }

    @Test
    void the_sample_shows_the_adjustment_of_article_9_clause_3() {
        assertThat(sample.reportCards()).anySatisfy(c ->
                assertThat(GradingRules.studyRating(c.subjects(), Term.YEAR).isAdjusted()).isTrue());
    }

    @Test
    void each_student_who_completed_the_programme_gets_a_diploma_numbered_without_gaps() {
        long completed = sample.reportCards().stream()
                .filter(c -> c.outcome() == YearOutcome.COMPLETED_UPPER_SECONDARY).count();
        List<Diploma> diplomas = sample.diplomas();
        assertThat(diplomas).hasSize((int) completed);
        Set<String> serials = new HashSet<>();
        for (int i = 0; i < diplomas.size(); i++) {
            Diploma d = diplomas.get(i);
            assertThat(d.registerNumber()).isEqualTo(DiplomaNumbering.registerNumber(i + 1, 2026));
            assertThat(d.serialNumber()).isEqualTo(DiplomaNumbering.serialNumber("TN", 123_456L + i));
            assertThat(serials.add(d.serialNumber())).isTrue();
            assertThat(d.graduationYear()).isEqualTo(2026);
            assertThat(d.issuingAuthority()).isEqualTo("Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh");
        }
        assertThat(diplomas.get(0).registerNumber()).isEqualTo("0001/2026");
        assertThat(diplomas.get(0).serialNumber()).isEqualTo("TN0123456");
    }

    @Test
    void rerunning_the_seeded_generator_gives_the_committed_files_byte_for_byte() throws IOException {
        Map<String, String> generated = SampleClassGenerator.files();
        assertThat(generated).containsOnlyKeys(GradebookCsv.CLASS_FILE, GradebookCsv.STUDENTS_FILE,
                GradebookCsv.SCORES_FILE);
        for (Map.Entry<String, String> f : generated.entrySet()) {
            try (InputStream in = SampleClass.class.getResourceAsStream(SampleClass.RESOURCE_DIRECTORY + f.getKey())) {
                assertThat(in).as(f.getKey()).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(f.getKey()).isEqualTo(f.getValue());
            }
        }
        assertThat(SampleClassGenerator.parse(generated).students()).hasSize(sample.students().size());
    }

    private static <K> Map<K, Long> count(Function<ReportCard, K> key) {
        return sample.reportCards().stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}

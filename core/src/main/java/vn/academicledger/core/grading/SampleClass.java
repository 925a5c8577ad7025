package vn.academicledger.core.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.academicledger.core.domain.Diploma;
import vn.academicledger.core.domain.DiplomaKind;
import vn.academicledger.core.domain.DiplomaNumberAllocator;
import vn.academicledger.core.domain.DiplomaNumbers;
import vn.academicledger.core.domain.InMemoryDiplomaNumberAllocator;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.domain.SchoolYear;
import vn.academicledger.core.domain.Student;
import vn.academicledger.core.domain.YearOutcome;

/**
 * The sample class shipped in the jar ({@value #RESOURCE_DIRECTORY}): class 12A1 of a (fictional)
 * Ho Chi Minh City upper secondary school in school year 2025-2026, its gradebook, the report cards
 * computed from it by {@link ReportCardGrading}, and a diploma for each student who completed the
 * programme (assuming they passed the graduation exam), numbered by an {@link
 * InMemoryDiplomaNumberAllocator} from {@value #FIRST_SERIAL_PREFIX}0123456 and 0001/2026.
 *
 * @param reportCards one per student, in class-list order
 * @param diplomas    one per student whose outcome is {@link YearOutcome#COMPLETED_UPPER_SECONDARY}, in class-list order
 */
public record SampleClass(School school, SchoolYear schoolYear, String className, List<Student> students,
                          List<StudentGradebook> gradebooks, List<ReportCard> reportCards, List<Diploma> diplomas) {
    public static final String RESOURCE_DIRECTORY = "/sample/";
    static final String FIRST_SERIAL_PREFIX = "TN";
    static final long FIRST_SERIAL = 123_456L;
    /** Mã of the issuing authority in the allocator: the province code of Ho Chi Minh City. */
    static final String ISSUER_CODE = "79";
    static final String ISSUING_AUTHORITY = "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh";
    static final String SIGNER_TITLE = "Giám đốc Sở Giáo dục và Đào tạo";
    static final String SIGNER_NAME = "Trần Quang Minh";
    static final LocalDate ISSUE_DATE = LocalDate.of(2026, 7, 31);
    static final String PLACE_OF_ISSUE = "Thành phố Hồ Chí Minh";

    public SampleClass {
        students = List.copyOf(students);
        gradebooks = List.copyOf(gradebooks);
        reportCards = List.copyOf(reportCards);
        diplomas = List.copyOf(diplomas);
    }

    /** Loads the sample from the classpath and computes every result with a fresh allocator. */
    public static SampleClass load() {
        return load(new InMemoryDiplomaNumberAllocator(FIRST_SERIAL_PREFIX, FIRST_SERIAL));
    }

    /** Loads the sample, numbering its diplomas with {@code allocator}. */
    public static SampleClass load(DiplomaNumberAllocator allocator) {
        ClassGradebook book;
        try (Reader c = open(GradebookCsv.CLASS_FILE); Reader s = open(GradebookCsv.STUDENTS_FILE);
             Reader d = open(GradebookCsv.SCORES_FILE)) {
            book = GradebookCsv.read(c, s, d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Student> students = new ArrayList<>();
        List<ReportCard> cards = new ArrayList<>();
        List<Diploma> diplomas = new ArrayList<>();
        for (StudentGradebook g : book.students()) {
            ReportCard card = ReportCardGrading.grade(g);
            students.add(g.student());
            cards.add(card);
            if (card.outcome() == YearOutcome.COMPLETED_UPPER_SECONDARY) {
                DiplomaNumbers n = allocator.next(ISSUER_CODE, ISSUE_DATE.getYear());
                diplomas.add(new Diploma(DiplomaKind.UPPER_SECONDARY_GRADUATION, g.student(), book.school(),
                        n.serialNumber(), n.registerNumber(), null, book.schoolYear().endYear(), ISSUING_AUTHORITY,
                        SIGNER_TITLE, SIGNER_NAME, ISSUE_DATE, PLACE_OF_ISSUE));
            }
        }
        return new SampleClass(book.school(), book.schoolYear(), book.className(), students, book.students(), cards,
                diplomas);
    }

    /** The text of one of the sample's CSV files ({@link GradebookCsv#CLASS_FILE} and the others), as shipped. */
    public static String csvText(String file) {
        try (Reader reader = open(file)) {
            java.io.StringWriter text = new java.io.StringWriter();
            reader.transferTo(text);
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader open(String file) {
        InputStream in = SampleClass.class.getResourceAsStream(RESOURCE_DIRECTORY + file);
        if (in == null) {
            throw new IllegalStateException(RESOURCE_DIRECTORY + file + " is missing from the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}

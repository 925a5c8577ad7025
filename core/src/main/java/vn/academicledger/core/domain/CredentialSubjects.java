package vn.academicledger.core.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import vn.academicledger.core.error.InvalidInputException;

/**
 * Turns report cards, diplomas and certificates into the {@code credentialSubject} of a credential,
 * and reads them back. The credential's type is in {@link CredentialType}, its name and description
 * in {@link CredentialText}.
 *
 * <p>The subject is the student ({@code "type": "Student"}) with their school and one of
 * {@code reportCard}, {@code diploma} or {@code certificate}. Only terms of {@link
 * AcademicLedgerContext} are used, plus {@code id} and {@code type} from the VC 2.0 context.
 * Output is deterministic: the same record always gives the same fields in the same order, subjects
 * in report-card order, optional fields omitted when empty. Scores are strings with one decimal
 * ({@code "8.6"}) typed {@code xsd:decimal} by the context, dates {@code YYYY-MM-DD} typed
 * {@code xsd:date}, closed sets the enum constant's name ({@code "GOOD"}); so JCS and RDF
 * canonicalization give the same bytes in every implementation.
 *
 * <p>Reading is strict: a missing, malformed or unknown field is an {@link
 * vn.academicledger.core.error.InvalidInputException} naming it by path. Reading does not check the
 * stated results against the rules; {@code vn.academicledger.core.grading.ReportCardGrading#discrepancies}
 * does.
 */
public final class CredentialSubjects {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ROOT = "credentialSubject";

    private CredentialSubjects() {
    }

    // ---------------------------------------------------------------- writing

    public static ObjectNode of(ReportCard card) {
        ObjectNode subject = student(card.student(), card.school());
        ObjectNode r = subject.putObject("reportCard");
        r.put("type", "ReportCard");
        r.put("schoolYear", card.schoolYear().toString());
        r.put("gradeLevel", card.grade());
        r.put("className", card.className());
        r.put("homeroomTeacher", card.homeroomTeacher());
        ArrayNode subjects = r.putArray("subjectResults");
        for (SubjectResult result : card.subjects()) {
            ObjectNode line = subjects.addObject();
            line.put("type", "SubjectResult");
            line.put("subjectCode", result.subject().code());
            line.put("subjectName", result.subject().vietnamese());
            line.put("assessmentMethod", result.subject().method().name());
            if (result instanceof ScoredSubjectResult s) {
                line.put("averageSemester1", s.semester1().toString());
                line.put("averageSemester2", s.semester2().toString());
                line.put("averageYear", s.year().toString());
            } else if (result instanceof CommentSubjectResult c) {
                line.put("gradeSemester1", c.semester1().name());
                line.put("gradeSemester2", c.semester2().name());
                line.put("gradeYear", c.year().name());
            }
        }
        r.put("conductSemester1", card.semester1().conduct().name());
        r.put("conductSemester2", card.semester2().conduct().name());
        r.put("conductYear", card.year().conduct().name());
        r.put("studyResultSemester1", card.semester1().study().name());
        r.put("studyResultSemester2", card.semester2().study().name());
        r.put("studyResultYear", card.year().study().name());
        r.put("daysAbsent", card.daysAbsent());
        r.put("homeroomComment", card.homeroomComment());
        r.put("yearOutcome", card.outcome().name());
        if (card.honourTitle() != null) {
            r.put("honourTitle", card.honourTitle().name());
        }
        return subject;
    }

    public static ObjectNode of(Diploma diploma) {
        ObjectNode subject = student(diploma.holder(), diploma.school());
        ObjectNode d = subject.putObject("diploma");
        d.put("type", "Diploma");
        d.put("diplomaKind", diploma.kind().name());
        d.put("diplomaName", diploma.kind().vietnamese());
        d.put("serialNumber", diploma.serialNumber());
        d.put("registerNumber", diploma.registerNumber());
        if (diploma.classification() != null) {
            d.put("classification", diploma.classification().name());
        }
        d.put("graduationYear", diploma.graduationYear());
        d.put("issuingAuthority", diploma.issuingAuthority());
        d.put("signerTitle", diploma.signerTitle());
        d.put("signerName", diploma.signerName());
        d.put("issueDate", diploma.issueDate().toString());
        d.put("placeOfIssue", diploma.placeOfIssue());
        return subject;
    }

    public static ObjectNode of(Certificate certificate) {
        ObjectNode subject = student(certificate.holder(), certificate.school());
        ObjectNode c = subject.putObject("certificate");
        c.put("type", "Certificate");
        c.put("certificateKind", certificate.kind().name());
        c.put("certificateName", certificate.name());
        c.put("level", certificate.level());
        c.put("awardingBody", certificate.awardingBody());
        c.put("issueDate", certificate.issueDate().toString());
        c.put("result", certificate.result());
        if (certificate.certificateNumber() != null) {
            c.put("certificateNumber", certificate.certificateNumber());
        }
        return subject;
    }

    private static ObjectNode student(Student student, School school) {
        ObjectNode s = JSON.objectNode();
        s.put("type", "Student");
        s.put("studentNumber", student.studentNumber());
        s.put("fullName", student.fullName());
        s.put("birthDate", student.dateOfBirth().toString());
        s.put("placeOfBirth", student.placeOfBirth());
        s.put("gender", student.gender().name());
        s.put("personalIdentifier", student.personalId());
        ObjectNode sc = s.putObject("school");
        sc.put("id", school.did());
        sc.put("type", "School");
        sc.put("schoolCode", school.code());
        sc.put("schoolName", school.name());
        sc.put("address", school.address());
        sc.put("ward", school.ward());
        if (school.district() != null) {
            sc.put("district", school.district());
        }
        sc.put("province", school.province());
        return s;
    }

    // ---------------------------------------------------------------- reading

    public static ReportCard readReportCard(JsonNode credentialSubject) {
        JsonFields subject = new JsonFields(credentialSubject, ROOT);
        School school = readSchool(subject.object("school"));
        Student student = readStudent(subject, school);
        JsonFields r = subject.object("reportCard");
        subject.done();
        r.type("ReportCard");
        SchoolYear year = r.at("schoolYear", () -> SchoolYear.parse(r.text("schoolYear")));
        int grade = r.integer("gradeLevel");
        r.at("gradeLevel", () -> EducationLevel.ofGrade(grade));
        List<SubjectResult> subjects = new ArrayList<>();
        for (JsonFields line : r.objects("subjectResults")) {
            subjects.add(readSubjectResult(line, grade));
        }
        TermRatings s1 = new TermRatings(r.code("conductSemester1", Rating.class),
                r.code("studyResultSemester1", Rating.class));
        TermRatings s2 = new TermRatings(r.code("conductSemester2", Rating.class),
                r.code("studyResultSemester2", Rating.class));
        TermRatings all = new TermRatings(r.code("conductYear", Rating.class), r.code("studyResultYear", Rating.class));
        int absent = r.integer("daysAbsent");
        String className = r.text("className");
        String teacher = r.text("homeroomTeacher");
        String comment = r.text("homeroomComment");
        YearOutcome outcome = r.code("yearOutcome", YearOutcome.class);
        HonourTitle title = r.optionalCode("honourTitle", HonourTitle.class);
        r.done();
        return r.at(null, () -> new ReportCard(school, student, year, grade, className, teacher, subjects, s1, s2,
                all, absent, comment, outcome, title));
    }

    public static Diploma readDiploma(JsonNode credentialSubject) {
        JsonFields subject = new JsonFields(credentialSubject, ROOT);
        School school = readSchool(subject.object("school"));
        Student student = readStudent(subject, school);
        JsonFields d = subject.object("diploma");
        subject.done();
        d.type("Diploma");
        DiplomaKind kind = d.code("diplomaKind", DiplomaKind.class);
        String name = d.text("diplomaName");
        if (!name.equals(kind.vietnamese())) {
            throw new InvalidInputException(d.path("diplomaName") + ": '" + name
                    + "' không khớp loại văn bằng " + kind.name() + " ('" + kind.vietnamese() + "').");
        }
        Diploma diploma = d.at(null, () -> new Diploma(kind, student, school, d.text("serialNumber"),
                d.text("registerNumber"), d.optionalCode("classification", DiplomaClassification.class),
                d.integer("graduationYear"), d.text("issuingAuthority"), d.text("signerTitle"),
                d.text("signerName"), d.date("issueDate"), d.text("placeOfIssue")));
        d.done();
        return diploma;
    }

    public static Certificate readCertificate(JsonNode credentialSubject) {
        JsonFields subject = new JsonFields(credentialSubject, ROOT);
        School school = readSchool(subject.object("school"));
        Student student = readStudent(subject, school);
        JsonFields c = subject.object("certificate");
        subject.done();
        c.type("Certificate");
        Certificate certificate = c.at(null, () -> new Certificate(c.code("certificateKind", CertificateKind.class),
                student, school, c.text("certificateName"), c.text("level"), c.text("awardingBody"),
                c.date("issueDate"), c.text("result"), c.optionalText("certificateNumber")));
        c.done();
        return certificate;
    }

    private static Student readStudent(JsonFields s, School school) {
        s.type("Student");
        s.optionalText("id"); // the holder's DID, if the issuer bound one
        return s.at(null, () -> new Student(s.text("studentNumber"), s.text("fullName"), s.date("birthDate"),
                s.text("placeOfBirth"), s.code("gender", Gender.class), s.text("personalIdentifier"), school.code()));
    }

    private static School readSchool(JsonFields s) {
        s.type("School");
        School school = s.at(null, () -> new School(s.text("schoolCode"), s.text("schoolName"), s.text("address"),
                s.text("ward"), s.optionalText("district"), s.text("province"), s.text("id")));
        s.done();
        return school;
    }

    private static SubjectResult readSubjectResult(JsonFields line, int grade) {
        line.type("SubjectResult");
        String code = line.text("subjectCode");
        Subject subject = line.at("subjectCode", () -> SubjectCatalogue.find(grade, code));
        String name = line.text("subjectName");
        if (!name.equals(subject.vietnamese())) {
            throw new InvalidInputException(line.path("subjectName") + ": '" + name
                    + "' không khớp tên môn mã " + code + " ('" + subject.vietnamese() + "').");
        }
        AssessmentMethod method = line.code("assessmentMethod", AssessmentMethod.class);
        if (method != subject.method()) {
            throw new InvalidInputException(line.path("assessmentMethod") + ": môn "
                    + subject.vietnamese() + " có hình thức " + subject.method().name() + ", không phải " + method.name() + ".");
        }
        SubjectResult result;
        if (subject.isScored()) {
            Score s1 = line.score("averageSemester1");
            Score s2 = line.score("averageSemester2");
            Score y = line.score("averageYear");
            result = line.at(null, () -> new ScoredSubjectResult(subject, s1, s2, y));
        } else {
            CommentGrade g1 = line.code("gradeSemester1", CommentGrade.class);
            CommentGrade g2 = line.code("gradeSemester2", CommentGrade.class);
            CommentGrade y = line.code("gradeYear", CommentGrade.class);
            result = line.at(null, () -> new CommentSubjectResult(subject, g1, g2, y));
        }
        line.done();
        return result;
    }
}

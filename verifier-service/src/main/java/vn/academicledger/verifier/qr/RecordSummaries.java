package vn.academicledger.verifier.qr;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.academicledger.core.domain.Certificate;
import vn.academicledger.core.domain.CommentSubjectResult;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.domain.Diploma;
import vn.academicledger.core.domain.Labelled;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.ScoredSubjectResult;
import vn.academicledger.core.domain.Student;
import vn.academicledger.core.domain.SubjectResult;
import vn.academicledger.core.error.AcademicLedgerException;
import vn.academicledger.verifier.verification.Times;

/**
 * Reads a credential's subject with core's strict readers ({@link CredentialSubjects}) and lists what
 * a person checking the document needs: who, which school, what result. A subject the readers refuse
 * (a changed credential) still shows its name and date of birth as stated. The personal
 * identification number is masked but for its last four digits.
 */
@Component
public class RecordSummaries {
    private final MessageSource messages;

    public RecordSummaries(MessageSource messages) {
        this.messages = messages;
    }

    public RecordSummary of(JsonNode credential, Locale locale) {
        JsonNode subject = credential.path("credentialSubject");
        List<RecordSummary.Fact> facts = new ArrayList<>();
        List<RecordSummary.SubjectRow> rows = new ArrayList<>();
        try {
            if (hasType(credential, CredentialType.REPORT_CARD)) {
                ReportCard card = CredentialSubjects.readReportCard(subject);
                student(card.student(), facts, locale);
                add(facts, "record.school", card.school().name(), locale);
                add(facts, "record.schoolYear", card.schoolYear().toString(), locale);
                add(facts, "record.class", card.className(), locale);
                add(facts, "record.conduct", label(card.year().conduct(), locale), locale);
                add(facts, "record.study", label(card.year().study(), locale), locale);
                add(facts, "record.outcome", label(card.outcome(), locale), locale);
                if (card.honourTitle() != null) {
                    add(facts, "record.title", label(card.honourTitle(), locale), locale);
                }
                add(facts, "record.daysAbsent", Integer.toString(card.daysAbsent()), locale);
                for (SubjectResult r : card.subjects()) {
                    rows.add(row(r, locale));
                }
            } else if (hasType(credential, CredentialType.DIPLOMA)) {
                Diploma diploma = CredentialSubjects.readDiploma(subject);
                student(diploma.holder(), facts, locale);
                add(facts, "record.kind", label(diploma.kind(), locale), locale);
                add(facts, "record.school", diploma.school().name(), locale);
                add(facts, "record.graduationYear", Integer.toString(diploma.graduationYear()), locale);
                diploma.classificationIfAny().ifPresent(c -> add(facts, "record.classification", label(c, locale), locale));
                add(facts, "record.serialNumber", diploma.serialNumber(), locale);
                add(facts, "record.registerNumber", diploma.registerNumber(), locale);
                add(facts, "record.issueDate", Times.date(diploma.issueDate(), locale), locale);
                add(facts, "record.issuingAuthority", diploma.issuingAuthority(), locale);
            } else if (hasType(credential, CredentialType.CERTIFICATE)) {
                Certificate certificate = CredentialSubjects.readCertificate(subject);
                student(certificate.holder(), facts, locale);
                add(facts, "record.name", certificate.name(), locale);
                add(facts, "record.level", certificate.level(), locale);
                add(facts, "record.result", certificate.result(), locale);
                add(facts, "record.awardingBody", certificate.awardingBody(), locale);
                add(facts, "record.issueDate", Times.date(certificate.issueDate(), locale), locale);
                if (certificate.certificateNumber() != null) {
                    add(facts, "record.serialNumber", certificate.certificateNumber(), locale);
                }
            } else {
                asStated(subject, facts, locale);
            }
        } catch (AcademicLedgerException | IllegalArgumentException e) {
            facts.clear();
            rows.clear();
            asStated(subject, facts, locale);
        }
        return new RecordSummary(facts, rows);
    }

    private void student(Student student, List<RecordSummary.Fact> facts, Locale locale) {
        add(facts, "record.fullName", student.fullName(), locale);
        add(facts, "record.birthDate", Times.date(student.dateOfBirth(), locale), locale);
        add(facts, "record.gender", label(student.gender(), locale), locale);
        add(facts, "record.studentNumber", student.studentNumber(), locale);
        add(facts, "record.personalId", masked(student.personalId()), locale);
    }

    /** Name and date of birth as the credential states them, for subjects the strict readers refuse. */
    private void asStated(JsonNode subject, List<RecordSummary.Fact> facts, Locale locale) {
        if (subject.path("fullName").isTextual()) {
            add(facts, "record.fullName", subject.get("fullName").asText(), locale);
        }
        if (subject.path("birthDate").isTextual()) {
            String birth = subject.get("birthDate").asText();
            try {
                birth = Times.date(LocalDate.parse(birth), locale);
            } catch (java.time.format.DateTimeParseException ignored) {
                // shown as stated
            }
            add(facts, "record.birthDate", birth, locale);
        }
    }

    private RecordSummary.SubjectRow row(SubjectResult result, Locale locale) {
        if (result instanceof ScoredSubjectResult s) {
            return new RecordSummary.SubjectRow(label(s.subject(), locale), str(s.semester1()), str(s.semester2()), str(s.year()));
        }
        CommentSubjectResult c = (CommentSubjectResult) result;
        return new RecordSummary.SubjectRow(label(c.subject(), locale), label(c.semester1(), locale),
                label(c.semester2(), locale), label(c.year(), locale));
    }

    private static String label(vn.academicledger.core.domain.Subject subject, Locale locale) {
        return Times.vietnamese(locale) ? subject.vietnamese() : subject.english();
    }

    private static String label(Labelled value, Locale locale) {
        if (value == null) {
            return "—";
        }
        return Times.vietnamese(locale) ? value.vietnamese() : value.english();
    }

    private static String str(Object value) {
        return value == null ? "—" : value.toString();
    }

    static String masked(String personalId) {
        if (personalId == null || personalId.length() <= 4) {
            return personalId;
        }
        return "•".repeat(personalId.length() - 4) + personalId.substring(personalId.length() - 4);
    }

    private void add(List<RecordSummary.Fact> facts, String key, String value, Locale locale) {
        facts.add(new RecordSummary.Fact(messages.getMessage(key, null, key, locale), value));
    }

    private static boolean hasType(JsonNode credential, CredentialType type) {
        for (JsonNode t : credential.path("type")) {
            if (type.typeName().equals(t.asText())) {
                return true;
            }
        }
        return false;
    }
}

package vn.academicledger.core.proof;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.did.DidDocumentStore;
import vn.academicledger.core.did.DidWeb;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.vc.VerifiableCredential;

/**
 * A report-card-sized credential: 15 subjects with three averages each (strings typed
 * xsd:decimal by our context), student name and birth data; about 120 RDF triples.
 */
final class ReportCardFixture {
    static final String SCHOOL_DID = DidWeb.didForDomain("truong-thpt-le-quy-don.hcm.edu.vn");
    static final String SCHOOL_KEY_ID = SCHOOL_DID + "#key-1";
    static final Instant CREATED = Instant.parse("2025-06-01T01:00:00Z");

    private static final String[][] SUBJECTS = {
        {"TOAN", "Toán"}, {"VAN", "Ngữ văn"}, {"ANH", "Tiếng Anh"}, {"LY", "Vật lí"}, {"HOA", "Hóa học"},
        {"SINH", "Sinh học"}, {"SU", "Lịch sử"}, {"DIA", "Địa lí"}, {"GDKTPL", "Giáo dục kinh tế và pháp luật"},
        {"TIN", "Tin học"}, {"CN", "Công nghệ"}, {"GDTC", "Giáo dục thể chất"}, {"GDQP", "Giáo dục quốc phòng và an ninh"},
        {"HDTN", "Hoạt động trải nghiệm, hướng nghiệp"}, {"NDGDDP", "Nội dung giáo dục của địa phương"},
    };

    final Ed25519KeyPair schoolKey;
    final DidDocumentStore didDocuments = new DidDocumentStore();

    ReportCardFixture() {
        this(Ed25519KeyPair.fromSeed(new byte[32]));
    }

    ReportCardFixture(Ed25519KeyPair schoolKey) {
        this.schoolKey = schoolKey;
        didDocuments.put(DidWeb.document(SCHOOL_DID, schoolKey.publicKey(), "key-1"));
    }

    /** A fresh, unsigned report card for student number {@code n}. */
    static ObjectNode reportCard(int n) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode subject = nodes.objectNode();
        subject.put("id", "urn:uuid:6b1d6c2e-94a4-4b7c-9d3f-" + String.format("%012d", n));
        subject.put("type", "Student");
        subject.put("studentNumber", String.format("79%08d", n));
        subject.put("fullName", "Nguyễn Thị Ánh Tuyết");
        subject.put("birthDate", "2008-03-14");
        subject.put("placeOfBirth", "Thành phố Hồ Chí Minh");
        subject.put("gender", "Nữ");
        ObjectNode card = subject.putObject("reportCard");
        card.put("type", "ReportCard");
        card.put("schoolYear", "2024-2025");
        card.put("gradeLevel", 12);
        card.put("className", "12A1");
        card.put("homeroomTeacher", "Trần Văn Bình");
        ArrayNode results = card.putArray("subjectResults");
        for (int i = 0; i < SUBJECTS.length; i++) {
            ObjectNode result = results.addObject();
            result.put("type", "SubjectResult");
            result.put("subjectCode", SUBJECTS[i][0]);
            result.put("subjectName", SUBJECTS[i][1]);
            result.put("averageSemester1", grade(n + i, 0));
            result.put("averageSemester2", grade(n + i, 1));
            result.put("averageYear", grade(n + i, 2));
        }
        card.put("conductYear", "Tốt");
        card.put("studyResultYear", "Tốt");
        card.put("daysAbsent", 2);
        card.put("yearOutcome", "Được lên lớp");

        return VerifiableCredential.builder()
                .context(BundledContexts.ACADEMIC_LEDGER_V1)
                .id("urn:uuid:0f0c5a4e-2c1b-4d7e-8a6f-" + String.format("%012d", n))
                .type("ReportCardCredential")
                .issuer(SCHOOL_DID, "Trường THPT Lê Quý Đôn")
                .name("Học bạ năm học 2024-2025", "Report card, school year 2024-2025")
                .validFrom(OffsetDateTime.of(2025, 6, 1, 0, 0, 0, 0, ZoneOffset.ofHours(7)))
                .credentialSubject(subject)
                .buildJson();
    }

    private static String grade(int seed, int which) {
        int tenths = 50 + Math.floorMod(seed * 31 + which * 17, 51);
        return (tenths / 10) + "." + (tenths % 10);
    }

    ProofOptions options(Cryptosuite cryptosuite) {
        return ProofOptions.assertion(cryptosuite, SCHOOL_KEY_ID, CREATED);
    }
}

package vn.academicledger.documents.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.domain.CredentialText;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.domain.Diploma;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.grading.SampleClass;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.vc.VerifiableCredential;
import vn.academicledger.documents.render.DocumentRenderer;
import vn.academicledger.documents.render.QrPayload;

/** The sample class 12A1 and credentials built from it, as the issuer service would build them. */
public final class Samples {
    public static final String VERIFIER = "https://verify.hcm.edu.vn";
    public static final Locale VI = Locale.forLanguageTag("vi");
    public static final SampleClass CLASS = SampleClass.load();

    private Samples() {
    }

    public static ReportCard reportCard(int index) {
        return CLASS.reportCards().get(index);
    }

    public static Diploma diploma(int index) {
        return CLASS.diplomas().get(index);
    }

    /** A deterministic UUID per name, so re-runs produce the same documents. */
    public static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    public static String token(String name) {
        return "tok_" + uuid("token " + name).toString().replace("-", "");
    }

    public static ObjectNode credential(ReportCard card, UUID id) {
        CredentialText text = CredentialText.of(card);
        return VerifiableCredential.builder()
                .context(BundledContexts.ACADEMIC_LEDGER_V1)
                .id(id)
                .type(CredentialType.REPORT_CARD.typeName())
                .issuer(card.school().did(), card.school().name())
                .name(text.nameVi(), text.nameEn())
                .description(text.descriptionVi(), text.descriptionEn())
                .validFrom(Instant.parse("2026-05-31T02:00:00Z"))
                .credentialSubject(CredentialSubjects.of(card))
                .buildJson();
    }

    public static ObjectNode credential(Diploma diploma, UUID id) {
        CredentialText text = CredentialText.of(diploma);
        return VerifiableCredential.builder()
                .context(BundledContexts.ACADEMIC_LEDGER_V1)
                .id(id)
                .type(CredentialType.DIPLOMA.typeName())
                .issuer("did:web:sogddt.hcm.edu.vn", diploma.issuingAuthority())
                .name(text.nameVi(), text.nameEn())
                .description(text.descriptionVi(), text.descriptionEn())
                .validFrom(Instant.parse("2026-07-31T01:00:00Z"))
                .credentialSubject(CredentialSubjects.of(diploma))
                .buildJson();
    }

    public static QrPayload qr(UUID id) {
        return QrPayload.of(VERIFIER, id, token(id.toString()));
    }

    /** A rendered report card with its credential and QR payload. */
    public record Rendered(byte[] pdf, ObjectNode credential, QrPayload qr) {
    }

    public static Rendered renderedReportCard(int index, Locale lang) {
        ReportCard card = reportCard(index);
        UUID id = uuid("report card " + index);
        ObjectNode credential = credential(card, id);
        QrPayload qr = qr(id);
        return new Rendered(DocumentRenderer.reportCard(card, credential, lang, qr), credential, qr);
    }

    public static Rendered renderedDiploma(int index, Locale lang) {
        Diploma diploma = diploma(index);
        UUID id = uuid("diploma " + index);
        ObjectNode credential = credential(diploma, id);
        QrPayload qr = qr(id);
        return new Rendered(DocumentRenderer.diploma(diploma, credential, lang, qr), credential, qr);
    }
}

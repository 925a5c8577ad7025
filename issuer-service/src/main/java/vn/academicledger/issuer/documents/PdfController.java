package vn.academicledger.issuer.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.documents.render.QrPayload;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.issuance.Credentials;
import vn.academicledger.issuer.security.Caller;
import vn.academicledger.issuer.security.Role;
import vn.academicledger.issuer.system.IssuerException;
import vn.academicledger.issuer.system.IssuerProperties;

/**
 * The signed PDF of a report card or diploma: rendered from the record the credential carries, the
 * credential (with its anchoring receipt) attached, a QR code to the verifier, signed by the officials
 * (PAdES B-LT). Made on request, never stored; every extract is audited.
 */
@RestController
@Tag(name = "Credentials / Văn bằng, học bạ đã cấp")
class PdfController {
    private final Credentials credentials;
    private final OfficialDocuments documents;
    private final AuditLog audit;
    private final IssuerProperties properties;

    PdfController(Credentials credentials, OfficialDocuments documents, AuditLog audit, IssuerProperties properties) {
        this.credentials = credentials;
        this.documents = documents;
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping(value = "/api/v1/schools/{school}/credentials/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The signed PDF/A-3 of a report card or diploma (school issuer or signer), lang=vi|en; the credential "
            + "is attached. 409 while it is not anchored yet (seconds) or once revoked. An extract: audited.")
    ResponseEntity<byte[]> pdf(Caller caller, @PathVariable String school, @PathVariable UUID id,
                               @RequestParam(defaultValue = "vi") String lang) {
        caller.require(school, Role.SCHOOL_ISSUER, Role.SCHOOL_SIGNER);
        Locale language = language(lang);
        Credentials.StoredCredential stored = credentials.find(school, id)
                .orElseThrow(() -> IssuerException.notFound("credential", id.toString()));
        CredentialType type = CredentialType.valueOf(stored.type());
        if (type == CredentialType.CERTIFICATE) {
            throw new IssuerException(HttpStatus.UNPROCESSABLE_ENTITY, "NO_PDF_LAYOUT", "Không có mẫu PDF / No PDF layout",
                    "Chứng chỉ không có bản PDF / certificates have no PDF layout; share the credential itself (GET /credentials/urn:uuid:"
                            + id + ").");
        }
        if (stored.revokedAt() != null) {
            throw IssuerException.conflict("CREDENTIAL_REVOKED", "Văn bằng/học bạ này đã bị thu hồi lúc " + stored.revokedAt()
                    + " / this credential was revoked at " + stored.revokedAt() + " (" + stored.revocationReason()
                    + "); no new PDF of it is signed.");
        }
        if (!"ANCHORED".equals(stored.anchorStatus())) {
            throw IssuerException.conflict("NOT_YET_ANCHORED", "Chưa neo lên sổ cái / the credential is not anchored on the "
                    + "ledger yet (usually a few seconds); its PDF must carry the anchoring receipt. Retry shortly.");
        }
        ObjectNode credential = credentials.document(school, id)
                .orElseThrow(() -> IssuerException.notFound("credential", id.toString()));
        JsonNode subject = credential.get("credentialSubject");
        QrPayload qr = new QrPayload(properties.verifierBaseUrl(), id, documents.tokens().tokenFor(id));
        byte[] pdf;
        try {
            pdf = type == CredentialType.REPORT_CARD
                    ? documents.documents().signedReportCard(CredentialSubjects.readReportCard(subject), credential, language, qr)
                    : documents.documents().signedDiploma(CredentialSubjects.readDiploma(subject), credential, language, qr);
        } catch (InvalidInputException e) {
            audit.record(caller, AuditLog.Action.PDF_EXTRACTED, school, id.toString(), AuditLog.Outcome.FAILED,
                    Map.of("type", type.name(), "lang", language.getLanguage(), "reason", e.getMessage()));
            throw new IssuerException(HttpStatus.UNPROCESSABLE_ENTITY, "PDF_NOT_SIGNABLE", "Không ký được PDF / PDF cannot be signed",
                    "Không tạo được bản PDF ký số / the signed PDF cannot be made: " + e.getMessage());
        }
        audit.record(caller, AuditLog.Action.PDF_EXTRACTED, school, id.toString(), AuditLog.Outcome.SUCCESS,
                Map.of("type", type.name(), "lang", language.getLanguage(), "bytes", pdf.length));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(type.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    private static Locale language(String lang) {
        return switch (lang.strip().toLowerCase(Locale.ROOT)) {
            case "vi" -> Locale.forLanguageTag("vi");
            case "en" -> Locale.ENGLISH;
            default -> throw IssuerException.invalid("UNSUPPORTED_LANGUAGE", "lang must be vi or en, got '" + lang + "'.");
        };
    }
}

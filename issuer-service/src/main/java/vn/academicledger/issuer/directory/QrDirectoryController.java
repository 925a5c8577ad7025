package vn.academicledger.issuer.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.academicledger.core.access.AccessTokens;
import vn.academicledger.issuer.audit.AuditLog;
import vn.academicledger.issuer.issuance.Credentials;
import vn.academicledger.issuer.system.IssuerException;
import vn.academicledger.issuer.system.IssuerProperties;

/**
 * How the verifier finds the credential behind a QR code printed on one of this service's PDFs: it
 * asks here with {@code Authorization: QR <token>}, the access token of that credential under the QR
 * secret the two services share ({@code <dataDir>/verifier/qr-token.secret}). Nobody without the
 * secret can make a token, and a token opens only its own credential. Each answer is audited.
 */
@RestController
@Tag(name = "Verifier directory / Tra cứu cho trang kiểm tra")
class QrDirectoryController {
    private final AccessTokens tokens;
    private final JdbcClient jdbc;
    private final Credentials credentials;
    private final AuditLog audit;

    QrDirectoryController(IssuerProperties properties, JdbcClient jdbc, Credentials credentials, AuditLog audit) {
        this.tokens = AccessTokens.forDataFolder(properties.dataDir());
        this.jdbc = jdbc;
        this.credentials = credentials;
        this.audit = audit;
    }

    @GetMapping(value = "/qr/credentials/{id}", produces = {"application/vc+ld+json", "application/json"})
    @Operation(summary = "The credential behind a QR code, for the verifier (Authorization: QR <access token of that credential>)")
    ResponseEntity<ObjectNode> find(@PathVariable UUID id, HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.startsWith("QR ") ? header.substring(3).strip() : null;
        if (!tokens.accepts(id, token)) {
            throw new IssuerException(HttpStatus.UNAUTHORIZED, "INVALID_QR_TOKEN", "Mã QR không hợp lệ / Invalid QR token",
                    "Send 'Authorization: QR <token>' with the access token the credential's QR code carries.");
        }
        String school = jdbc.sql("select school_code from credentials where id = ?").param(id).query(String.class)
                .optional().orElseThrow(() -> IssuerException.notFound("credential", id.toString()));
        ObjectNode credential = credentials.document(school, id)
                .orElseThrow(() -> IssuerException.notFound("credential", id.toString()));
        audit.record("verifier-qr", null, request.getRemoteAddr(), AuditLog.Action.DATA_EXTRACTED, school, id.toString(),
                AuditLog.Outcome.SUCCESS, Map.of("what", "credential for a QR page"));
        return ResponseEntity.ok(credential);
    }
}

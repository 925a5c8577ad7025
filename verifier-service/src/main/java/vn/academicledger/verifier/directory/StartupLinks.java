package vn.academicledger.verifier.directory;

import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.academicledger.core.access.AccessTokens;
import vn.academicledger.verifier.system.VerifierProperties;

/**
 * Once the service is up, prints where it is and, on the embedded default, the QR links of a few
 * credentials in the folder (what their PDFs' QR codes say), so that {@code ./ledger up} shows
 * something to open. Only for a folder directory on a loopback address: a deployment prints no tokens.
 */
@Component
class StartupLinks {
    private final VerifierProperties properties;
    private final CredentialDirectory directory;
    private final AccessTokens tokens;

    StartupLinks(VerifierProperties properties, CredentialDirectory directory, AccessTokens tokens) {
        this.properties = properties;
        this.directory = directory;
        this.tokens = tokens;
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        String base = properties.publicBaseUrl().toString().replaceAll("/+$", "");
        StringBuilder out = new StringBuilder();
        out.append("\nAcademic Ledger verifier: ").append(base).append("/\n");
        out.append("  upload a PDF:  ").append(base).append("/pdf\n");
        out.append("  API:           ").append(base).append("/swagger-ui.html  (OpenAPI ").append(base).append("/v3/api-docs)\n");
        out.append("  VC-API:        POST ").append(base).append("/credentials/verify, POST ").append(base)
                .append("/presentations/verify\n");
        String host = properties.publicBaseUrl().getHost();
        boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host);
        FolderCredentialDirectory folder = directory instanceof FolderCredentialDirectory f ? f
                : directory instanceof IssuerCredentialDirectory i ? i.folder() : null;
        if (folder != null && loopback) {
            List<UUID> ids = folder.ids();
            if (ids.isEmpty()) {
                out.append("  no credentials in ").append(folder.folder().toAbsolutePath())
                        .append(" yet: ./ledger demo issues the sample class there\n");
            } else {
                out.append("  QR links of ").append(Math.min(3, ids.size())).append(" of the ").append(ids.size())
                        .append(" credentials in ").append(folder.folder().toAbsolutePath()).append(":\n");
                for (UUID id : ids.subList(0, Math.min(3, ids.size()))) {
                    out.append("    ").append(base).append("/v/").append(id).append("#t=").append(tokens.tokenFor(id)).append('\n');
                }
            }
        }
        System.out.println(out);
    }
}

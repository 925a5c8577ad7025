package vn.academicledger.verifier.verification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.academicledger.core.verify.CheckStatus;

/**
 * Turns a verification into what a page shows: the verdict and, per check, a sentence in the
 * visitor's language chosen from the check's outcome and data, core's own sentence as technical
 * detail, and the data (batch, transaction, block, times in GMT+7). Without the right to see the
 * record (no QR token), data that describes the record itself is left out.
 */
@Component
public class ResultViews {
    private static final Set<String> TIMES = Set.of("created", "issuedAt", "anchoredAt", "revokedAt", "validFrom",
            "validUntil", "timestamp", "statusListValidUntil");
    private static final Set<String> CODES = Set.of("verificationMethod", "batchId", "transactionId", "credentialDigest",
            "registryTx", "issuer", "schoolCode", "cryptosuite", "statusListCredential", "statusListIndex");
    /** Checks whose data and reasons describe the record (grades): shown only to those who may see it. */
    private static final Set<String> ABOUT_THE_RECORD = Set.of("results-consistent");

    private final MessageSource messages;

    public ResultViews(MessageSource messages) {
        this.messages = messages;
    }

    public ResultView view(CredentialVerification.Verification verification, JsonNode credential, Locale locale,
                           boolean recordVisible) {
        return view(VerificationResponse.of(verification), credential, locale, recordVisible);
    }

    public ResultView view(VerificationResponse response, JsonNode credential, Locale locale, boolean recordVisible) {
        String language = Times.vietnamese(locale) ? "vi" : "en";
        String issuer = LanguageValues.issuerName(credential, language);
        List<ResultView.CheckLine> lines = new ArrayList<>();
        for (VerificationResponse.Check check : response.checks()) {
            lines.add(line(check, issuer, locale, recordVisible));
        }
        String title = credential == null ? null : LanguageValues.pick(credential.get("name"), language);
        String id = response.credentialId();
        String code = id != null && id.startsWith("urn:uuid:") ? id.substring(9) : id;
        return new ResultView(response.valid(), title, issuer, code, Times.format(response.checkedAt(), locale), lines,
                response.freshness().issuerAndRevocationMaxAgeSeconds());
    }

    private ResultView.CheckLine line(VerificationResponse.Check check, String issuerName, Locale locale, boolean recordVisible) {
        String id = check.check();
        Map<String, String> d = check.details();
        String label = text("check." + id, locale);
        String status = check.status().name().toLowerCase(Locale.ROOT);
        boolean hidden = !recordVisible && ABOUT_THE_RECORD.contains(id);
        String headline = headline(check, issuerName, locale);
        List<ResultView.Fact> facts = new ArrayList<>();
        if (!hidden) {
            d.forEach((key, value) -> {
                if (key.equals("outcome")) {
                    return;
                }
                boolean numbered = key.matches("(signature|timestamp) \\d+");
                String[] parts = key.split(" ");
                String factLabel = numbered ? text("fact." + parts[0] + ".numbered", locale, key, parts[1])
                        : text("fact." + key, locale, key);
                String shown = TIMES.contains(key) || key.startsWith("timestamp ") ? Times.format(value, locale)
                        : key.equals("leafIndex") ? plusOne(value)
                        : key.equals("statusAtIssuance") ? text("value." + value, locale, value) : value;
                facts.add(new ResultView.Fact(factLabel, shown, CODES.contains(key) || key.equals("credentialId")));
            });
        }
        return new ResultView.CheckLine(id, status, label, headline, hidden ? null : check.reason(), facts);
    }

    private String headline(VerificationResponse.Check check, String issuerName, Locale locale) {
        String id = check.check();
        Map<String, String> d = check.details();
        String reason = check.reason();
        boolean statusList = id.equals("not-revoked") && d.containsKey("statusListCredential") && !d.containsKey("statusList");
        if (check.status() == CheckStatus.SKIPPED && statusList) {
            // Not a "does not apply": the school's status list could not be read, so revocation is unknown.
            return text("check.not-revoked.SKIPPED.STATUS_LIST", locale, "Revocation status unknown: the ledger holds no"
                    + " revocation, but the school''s status list could not be read or trusted.");
        }
        if (check.status() == CheckStatus.SKIPPED) {
            return text("check." + id + ".SKIPPED", locale, text("check.skipped", locale));
        }
        boolean passed = check.status() == CheckStatus.PASSED;
        String base = "check." + id + "." + check.status().name();
        return switch (id) {
            case "proof" -> passed ? text(base, locale, null, d.getOrDefault("cryptosuite", ""))
                    : d.containsKey("outcome") ? text(base + "." + d.get("outcome"), locale, text(base, locale))
                    : reason.contains("no Data Integrity") ? text(base + ".NONE", locale) : text(base, locale);
            case "issuer-accredited" -> passed
                    ? text(base, locale, null, issuerName != null ? issuerName : d.getOrDefault("schoolCode", ""))
                    : text(base + "." + issuerFailure(d, reason), locale, text(base, locale));
            case "anchored" -> passed ? text(base, locale, null, d.getOrDefault("batchId", ""))
                    : text(base + "." + anchorFailure(reason), locale, text(base, locale), d.getOrDefault("batchId", ""));
            case "not-revoked" -> passed ? statusList ? text(base + ".STATUS_LIST", locale, "Neither the ledger nor the"
                    + " school''s status list records a revocation of this credential.") : text(base, locale)
                    : d.containsKey("revokedAt") ? text(base, locale, null, Times.format(d.get("revokedAt"), locale),
                    d.getOrDefault("reasonCode", ""))
                    : statusList ? text(base + ".STATUS_LIST", locale, "Revoked in the school''s status list (entry {0}).",
                    d.get("statusListIndex")) : text(base + ".UNREADABLE", locale);
            case "not-expired" -> passed
                    ? reason.startsWith("valid until ") ? text(base + ".UNTIL", locale, null,
                    Times.format(reason.substring("valid until ".length()), locale)) : text(base, locale)
                    : d.containsKey("validUntil") ? text(base + ".EXPIRED", locale, null, Times.format(d.get("validUntil"), locale))
                    : text(base + ".NOT_YET", locale, null, Times.format(d.getOrDefault("validFrom", ""), locale));
            case "pdf-signature" -> text(base, locale, null, d.getOrDefault("signers", ""));
            default -> text(base, locale, reason);
        };
    }

    private static String issuerFailure(Map<String, String> d, String reason) {
        if (d.containsKey("issuer")) {
            return "UNKNOWN";
        }
        if ("SUSPENDED".equals(d.get("statusAtIssuance"))) {
            return "SUSPENDED";
        }
        if (reason.contains("not yet registered")) {
            return "NOT_YET";
        }
        if (d.containsKey("statusAtIssuance")) {
            return "KEY";
        }
        return reason.contains("cannot tell") ? "NO_KEY" : "OTHER";
    }

    private static String anchorFailure(String reason) {
        if (reason.contains("no anchoring receipt") || reason.contains("anchoring receipts")) {
            return "NO_RECEIPT";
        }
        if (reason.contains("Merkle path")) {
            return "PATH";
        }
        if (reason.contains("is not anchored")) {
            return "NO_BATCH";
        }
        if (reason.contains("could not be read")) {
            return "OTHER";
        }
        return "MISMATCH";
    }

    private static String plusOne(String index) {
        try {
            return Integer.toString(Integer.parseInt(index) + 1);
        } catch (NumberFormatException e) {
            return index;
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String text(String key, Locale locale, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback == null ? key : fallback, locale);
    }
}

package vn.academicledger.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.error.AcademicLedgerException;
import vn.academicledger.core.grading.Discrepancy;
import vn.academicledger.core.grading.ReportCardGrading;

/**
 * For report cards: recomputes the averages and results from the stated scores by the rules of
 * Circular 22/2021/TT-BGDĐT and fails when the card says otherwise. Does not apply to other credentials.
 */
public final class ReportCardConsistency implements Function<JsonNode, Optional<CheckResult>> {

    @Override
    public Optional<CheckResult> apply(JsonNode credential) {
        JsonNode types = credential.path("type");
        boolean reportCard = false;
        for (JsonNode t : types) {
            reportCard |= CredentialType.REPORT_CARD.typeName().equals(t.asText());
        }
        if (!reportCard) {
            return Optional.empty();
        }
        ReportCard card;
        try {
            card = CredentialSubjects.readReportCard(credential.path("credentialSubject"));
        } catch (AcademicLedgerException e) {
            return Optional.of(CheckResult.failed(CheckName.RESULTS_CONSISTENT, "the report card cannot be read: " + e.getMessage()));
        }
        List<Discrepancy> found = ReportCardGrading.discrepancies(card);
        if (found.isEmpty()) {
            return Optional.of(CheckResult.passed(CheckName.RESULTS_CONSISTENT,
                    "every average and result agrees with Circular 22/2021/TT-BGDĐT"));
        }
        Discrepancy first = found.get(0);
        return Optional.of(CheckResult.failed(CheckName.RESULTS_CONSISTENT, first.message()
                + (found.size() > 1 ? " (+" + (found.size() - 1) + " more)" : ""),
                Map.of("field", first.field(), "stated", first.stated(), "computed", first.computed())));
    }
}

package vn.academicledger.verifier.qr;

import java.util.List;

/**
 * What the document says about its holder, in the visitor's language: shown only with the QR code's
 * access token (or to whoever uploaded the file).
 *
 * @param facts    label/value pairs (name, date of birth, school, outcome, …)
 * @param subjects a report card's subject results; empty for other documents
 */
public record RecordSummary(List<Fact> facts, List<SubjectRow> subjects) {

    public record Fact(String label, String value) {
    }

    public record SubjectRow(String subject, String semester1, String semester2, String year) {
    }
}

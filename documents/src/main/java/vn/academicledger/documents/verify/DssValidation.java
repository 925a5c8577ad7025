package vn.academicledger.documents.verify;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.enumerations.TimestampType;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.policy.SignaturePolicyProvider;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.reports.Reports;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EU DSS, configured offline: trust only the given anchors; no AIA, OCSP or CRL download; no
 * signature-policy download; revocation data only from the PDF and from the CRLs given. The default
 * validation policy (dss-policy-jaxb) decides.
 */
final class DssValidation {
    /**
     * @param errors        DSS's AdES validation errors (why the indication is not TOTAL_PASSED)
     * @param modifications changes after signing that DSS's PDF modification detection found; DSS's
     *                      default policy only warns about them, whatever the indication
     */
    record Result(String id, List<BigInteger> byteRange, String signer, String level, String indication,
                  boolean passed, Optional<Instant> timestampTime, List<String> errors, List<String> modifications) {
    }

    private DssValidation() {
    }

    static List<Result> validate(byte[] pdf, List<X509Certificate> anchors, List<byte[]> crls, Date at) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        anchors.forEach(a -> trusted.addCertificate(new CertificateToken(a)));
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setOcspSource(null);
        verifier.setCrlSource(crls.isEmpty() ? null
                : new ExternalResourcesCRLSource(crls.stream().map(c -> (DSSDocument) new InMemoryDocument(c))
                .toArray(DSSDocument[]::new)));
        PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        validator.setPdfObjFactory(new PdfBoxDefaultObjectFactory());
        SignaturePolicyProvider policies = new SignaturePolicyProvider();
        policies.setDataLoader(null);
        policies.setSignaturePoliciesById(Map.of());
        policies.setSignaturePoliciesByUrl(Map.of());
        validator.setSignaturePolicyProvider(policies);
        if (at != null) {
            validator.setValidationTime(at);
        }
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<Result> results = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            SignatureWrapper signature = diagnostic.getSignatureById(id);
            PDFRevisionWrapper revision = signature.getPDFRevision();
            Indication indication = simple.getIndication(id);
            SubIndication sub = simple.getSubIndication(id);
            List<String> errors = new ArrayList<>();
            for (Message m : simple.getAdESValidationErrors(id)) {
                errors.add(m.getValue());
            }
            List<String> modifications = new ArrayList<>();
            if (revision != null && revision.arePdfModificationsDetected()) {
                if (!revision.getPdfVisualDifferenceConcernedPages().isEmpty()) {
                    modifications.add("DSS sees visual differences after signing on page(s) "
                            + revision.getPdfVisualDifferenceConcernedPages());
                }
                if (!revision.getPdfPageDifferenceConcernedPages().isEmpty()) {
                    modifications.add("DSS sees pages added or removed after signing: " + revision.getPdfPageDifferenceConcernedPages());
                }
            }
            if (revision != null && revision.arePdfObjectModificationsDetected() && !revision.getPdfUndefinedChanges().isEmpty()) {
                modifications.add("DSS sees " + revision.getPdfUndefinedChanges().size() + " undefined object change(s) after signing");
            }
            Optional<Instant> tst = signature.getTimestampListByType(TimestampType.SIGNATURE_TIMESTAMP).stream()
                    .map(TimestampWrapper::getProductionTime).map(Date::toInstant).findFirst();
            boolean passed = indication == Indication.TOTAL_PASSED;
            results.add(new Result(id, revision == null ? List.of() : revision.getSignatureByteRange(),
                    signature.getSigningCertificate() == null ? null : signature.getSigningCertificate().getCommonName(),
                    String.valueOf(signature.getSignatureFormat()), indication + (sub == null ? "" : "/" + sub),
                    passed, tst, errors, modifications));
        }
        return results;
    }
}

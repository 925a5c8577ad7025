package vn.academicledger.documents.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import vn.academicledger.core.error.InvalidInputException;

/**
 * Checks a signed PDF offline, as anyone can decades later: every PAdES signature with EU DSS
 * (trusting only the given roots, using only the certificates and revocation data in the PDF or given
 * here; no AIA fetching, no online policy), whether the document changed after each signature (its
 * pages, attachments, metadata, form fields, compared part by part with the signed revision), and the
 * attached credential.
 *
 * <pre>{@code
 * PdfReport report = PdfVerification.trusting(List.of(root)).verify(pdf);
 * report.valid();            // false if any check failed
 * report.failures();         // "signature 1 (Phạm Thị Thanh Hương): the document changed after signing: page 1"
 * byte[] vc = PdfVerification.attachedCredential(pdf);
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class PdfVerification {
    private static final Pattern DOCUMENT_ID = Pattern.compile("<dc:identifier>([^<]*)</dc:identifier>");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<X509Certificate> trustAnchors;
    private final List<X509CRL> crls;
    private final Instant validationTime;

    private PdfVerification(List<X509Certificate> trustAnchors, List<X509CRL> crls, Instant validationTime) {
        this.trustAnchors = List.copyOf(trustAnchors);
        this.crls = List.copyOf(crls);
        this.validationTime = validationTime;
    }

    /** Signatures must chain to one of {@code trustAnchors} (for development, the dev root). */
    public static PdfVerification trusting(Collection<X509Certificate> trustAnchors) {
        if (trustAnchors == null || trustAnchors.isEmpty()) {
            throw new InvalidInputException("PDF verification needs at least one trusted root certificate");
        }
        return new PdfVerification(List.copyOf(trustAnchors), List.of(), null);
    }

    /** Also use these CRLs (e.g. for B-T signatures, which carry none). */
    public PdfVerification withRevocationData(Collection<X509CRL> moreCrls) {
        List<X509CRL> all = new ArrayList<>(crls);
        all.addAll(moreCrls);
        return new PdfVerification(trustAnchors, all, validationTime);
    }

    /** Validate as at {@code time} instead of now (e.g. after the signers' certificates expired). */
    public PdfVerification at(Instant time) {
        return new PdfVerification(trustAnchors, crls, time);
    }

    /**
     * Verifies {@code pdf}.
     *
     * @throws InvalidInputException if the bytes are not a readable PDF
     */
    public PdfReport verify(byte[] pdf) {
        if (pdf == null) {
            throw new InvalidInputException("No PDF to verify");
        }
        try (PDDocument document = load(pdf)) {
            List<String> problems = new ArrayList<>();
            Map<String, String> now = DocumentParts.of(document);
            List<PDSignature> signatures = new ArrayList<>(document.getSignatureDictionaries());
            signatures.removeIf(s -> s.getByteRange() == null || s.getByteRange().length != 4);
            signatures.sort(Comparator.comparingLong(s -> end(s.getByteRange())));

            List<DssValidation.Result> dss = signatures.isEmpty() ? List.of() : DssValidation.validate(pdf,
                    trustAnchors, encoded(crls), validationTime == null ? null : Date.from(validationTime));
            if (signatures.isEmpty()) {
                problems.add("The PDF has no signature");
            } else if (dss.size() < signatures.size()) {
                problems.add("The PDF has " + signatures.size() + " signature(s) but the validator could read only "
                        + dss.size() + "; an unreadable signature cannot be trusted");
            }

            List<SignatureCheck> checks = new ArrayList<>();
            boolean attachmentUnchanged = true;
            int number = 1;
            for (PDSignature signature : signatures) {
                int[] range = signature.getByteRange();
                long end = end(range);
                List<String> reasons = new ArrayList<>();
                List<String> changes;
                if (end > pdf.length || range[0] != 0) {
                    changes = List.of("byte range");
                    reasons.add("its byte range " + Arrays.toString(range) + " does not fit the file");
                } else {
                    try (PDDocument revision = Loader.loadPDF(Arrays.copyOf(pdf, (int) end))) {
                        changes = DocumentParts.differences(DocumentParts.of(revision), now);
                    } catch (IOException e) {
                        changes = List.of("signed revision");
                        reasons.add("the revision it signs cannot be read: " + e.getMessage());
                    }
                }
                if (changes.stream().anyMatch(c -> c.startsWith("attachment") || c.startsWith("names")
                        || c.startsWith("associated"))) {
                    attachmentUnchanged = false;
                }
                if (!changes.isEmpty()) {
                    reasons.add("the document changed after signing: " + String.join(", ", changes));
                }
                DssValidation.Result r = match(dss, range);
                String signer = signature.getName();
                String level = "unknown";
                String indication = "NOT_VALIDATED";
                Optional<Instant> timestamp = Optional.empty();
                Instant claimed = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
                if (r == null) {
                    reasons.add("the validator could not read this signature");
                } else {
                    signer = r.signer() == null ? signer : r.signer();
                    level = r.level();
                    indication = r.indication();
                    timestamp = r.timestampTime();
                    if (!r.passed()) {
                        reasons.add("not valid (" + indication + ")" + (r.errors().isEmpty() ? ""
                                : ": " + String.join("; ", r.errors())));
                    }
                    reasons.addAll(r.modifications());
                }
                checks.add(new SignatureCheck(number++, signer == null ? "unknown signer" : signer, claimed, timestamp,
                        level, indication, reasons.isEmpty(), end == pdf.length, changes, reasons));
            }
            return new PdfReport(checks, attachment(document, !signatures.isEmpty(), attachmentUnchanged), problems);
        } catch (IOException e) {
            throw new InvalidInputException("The PDF cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The credential attached to {@code pdf}, byte for byte as attached (its RFC 8785 canonical JSON).
     * This says nothing about whether it can be trusted: {@link #verify} does.
     *
     * @throws InvalidInputException if the PDF is unreadable or has no {@code credential.json}
     */
    public static byte[] attachedCredential(byte[] pdf) {
        try (PDDocument document = load(pdf)) {
            byte[] bytes = Attachments.all(document).get(Attachments.CREDENTIAL);
            if (bytes == null) {
                throw new InvalidInputException("The PDF carries no " + Attachments.CREDENTIAL
                        + "; it was not made by Academic Ledger or the attachment was removed");
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidInputException("The PDF cannot be read: " + e.getMessage(), e);
        }
    }

    private static AttachmentCheck attachment(PDDocument document, boolean signed, boolean unchanged) {
        List<String> reasons = new ArrayList<>();
        byte[] bytes = Attachments.all(document).get(Attachments.CREDENTIAL);
        if (bytes == null) {
            reasons.add(Attachments.CREDENTIAL + " is not attached");
            return new AttachmentCheck(false, Optional.empty(), Optional.empty(), false, false, reasons);
        }
        Optional<String> id = Optional.empty();
        try {
            JsonNode json = JSON.readTree(bytes);
            if (json != null && json.path("id").isTextual()) {
                id = Optional.of(json.get("id").asText());
            } else {
                reasons.add(Attachments.CREDENTIAL + " has no credential id");
            }
        } catch (IOException e) {
            reasons.add(Attachments.CREDENTIAL + " is not JSON: " + e.getMessage());
        }
        if (signed && !unchanged) {
            reasons.add(Attachments.CREDENTIAL + " differs from the one that was signed");
        }
        Optional<String> documentId = documentId(document);
        boolean matches = id.isPresent() && documentId.equals(id);
        if (id.isPresent() && !matches) {
            reasons.add("the credential's id " + id.get() + " is not the id the PDF was made for ("
                    + documentId.orElse("none in the metadata") + ")");
        }
        return new AttachmentCheck(true, id, Optional.of(DocumentParts.hex(DocumentParts.sha256(bytes))),
                signed && unchanged, matches, reasons);
    }

    private static Optional<String> documentId(PDDocument document) {
        try {
            var metadata = document.getDocumentCatalog().getMetadata();
            if (metadata == null) {
                return Optional.empty();
            }
            Matcher m = DOCUMENT_ID.matcher(new String(metadata.toByteArray(), StandardCharsets.UTF_8));
            return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static DssValidation.Result match(List<DssValidation.Result> results, int[] range) {
        for (DssValidation.Result r : results) {
            List<BigInteger> br = r.byteRange();
            if (br.size() == 4 && br.get(0).intValue() == range[0] && br.get(1).intValue() == range[1]
                    && br.get(2).intValue() == range[2] && br.get(3).intValue() == range[3]) {
                return r;
            }
        }
        return null;
    }

    private static long end(int[] range) {
        return (long) range[2] + range[3];
    }

    private static List<byte[]> encoded(List<X509CRL> crls) {
        List<byte[]> out = new ArrayList<>();
        for (X509CRL crl : crls) {
            try {
                out.add(crl.getEncoded());
            } catch (CRLException e) {
                throw new InvalidInputException("A CRL given for verification cannot be encoded", e);
            }
        }
        return out;
    }

    private static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new InvalidInputException("The file is not a readable PDF: " + e.getMessage(), e);
        }
    }
}

package vn.academicledger.documents.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.domain.CredentialText;
import vn.academicledger.core.domain.Diploma;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.core.json.Jcs;
import vn.academicledger.core.vc.XsdDateTime;

/**
 * Renders report cards and diplomas as PDF/A-3b documents, in Vietnamese or English, with the QR
 * code of the credential's verification page and the credential itself attached.
 *
 * <p>The credential is attached as its RFC 8785 canonical JSON ({@code credential.json}); {@code
 * PdfVerification.attachedCredential} returns exactly those bytes. Its {@code credentialSubject}
 * must describe the record being rendered (as {@link CredentialSubjects#of} writes it), and its
 * {@code id} must be {@code urn:uuid:} the QR code's credential id, so that the page, the QR code
 * and the attachment cannot disagree.
 *
 * <p>Output is deterministic: the same record, credential, language and QR payload give the same
 * bytes (document dates come from the credential's {@code validFrom}, or for a diploma its issue date).
 * Thread-safe.
 */
public final class DocumentRenderer {
    /** Dates on documents are Vietnamese local time. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private DocumentRenderer() {
    }

    /** A học bạ: the report card, the credential that carries it, the language and the QR code. */
    public static byte[] reportCard(ReportCard card, ObjectNode credential, Locale language, QrPayload qr) {
        require(card, "report card");
        Lang lang = Lang.of(language);
        byte[] attached = checkCredential(credential, CredentialSubjects.of(card), qr, "report card of "
                + card.student().fullName() + " (" + card.student().studentNumber() + ")");
        OffsetDateTime created = validFrom(credential).orElse(OffsetDateTime.now(VIETNAM));
        CredentialText text = CredentialText.of(card);
        PdfA.Description description = new PdfA.Description(
                lang.t(text.nameVi(), text.nameEn()) + " - " + card.student().fullName(), card.school().name(),
                lang.t(text.descriptionVi(), text.descriptionEn()), credentialId(qr), lang.tag(), created);
        String url = qr.url();
        return render(description, attached, lang, document -> ReportCardLayout.draw(document,
                Fonts.load(document), lang, card, QrCode.of(url), url, credentialId(qr), created.toLocalDate()));
    }

    /** A văn bằng: the diploma, the credential that carries it, the language and the QR code. */
    public static byte[] diploma(Diploma diploma, ObjectNode credential, Locale language, QrPayload qr) {
        require(diploma, "diploma");
        Lang lang = Lang.of(language);
        byte[] attached = checkCredential(credential, CredentialSubjects.of(diploma), qr, "diploma "
                + diploma.serialNumber() + " of " + diploma.holder().fullName());
        OffsetDateTime created = validFrom(credential)
                .orElse(diploma.issueDate().atStartOfDay(VIETNAM).toOffsetDateTime());
        CredentialText text = CredentialText.of(diploma);
        PdfA.Description description = new PdfA.Description(
                lang.t(text.nameVi(), text.nameEn()) + " - " + diploma.holder().fullName(), diploma.issuingAuthority(),
                lang.t(text.descriptionVi(), text.descriptionEn()), credentialId(qr), lang.tag(), created);
        String url = qr.url();
        return render(description, attached, lang, document -> DiplomaLayout.draw(document, Fonts.load(document),
                lang, diploma, QrCode.of(url), url, credentialId(qr)));
    }

    private static byte[] render(PdfA.Description description, byte[] credential, Lang lang,
                                 Consumer<PDDocument> layout) {
        try (PDDocument document = new PDDocument()) {
            layout.accept(document);
            PdfA.finish(document, description, credential, documentId(credential, lang));
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF", e);
        }
    }

    private static byte[] checkCredential(ObjectNode credential, ObjectNode expectedSubject, QrPayload qr, String what) {
        require(credential, "credential JSON");
        require(qr, "QR payload");
        JsonNode subject = credential.get("credentialSubject");
        if (!(subject instanceof ObjectNode given)) {
            throw new InvalidInputException("The credential for the " + what + " has no credentialSubject object");
        }
        ObjectNode withoutId = given.deepCopy();
        withoutId.remove("id");
        if (!withoutId.equals(expectedSubject)) {
            throw new InvalidInputException("The credential's credentialSubject does not describe the " + what
                    + ": " + firstDifference("credentialSubject", expectedSubject, withoutId)
                    + ". Build the credential from this record with CredentialSubjects.of(...)");
        }
        String id = credential.path("id").asText("");
        if (!id.equals(credentialId(qr))) {
            throw new InvalidInputException("The credential's id '" + id + "' is not the QR code's " + credentialId(qr)
                    + ": the QR code must point to the credential attached to the same PDF");
        }
        return Jcs.canonicalize(credential);
    }

    private static String firstDifference(String path, JsonNode expected, JsonNode actual) {
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = actual.get(e.getKey());
                if (other == null) {
                    return path + "." + e.getKey() + " is missing";
                }
                if (!other.equals(e.getValue())) {
                    return firstDifference(path + "." + e.getKey(), e.getValue(), other);
                }
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!expected.has(name)) {
                    return path + "." + name + " is not in the record";
                }
            }
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                if (!expected.get(i).equals(actual.get(i))) {
                    return firstDifference(path + "[" + i + "]", expected.get(i), actual.get(i));
                }
            }
        }
        return path + " is " + actual + " but the record says " + expected;
    }

    private static java.util.Optional<OffsetDateTime> validFrom(ObjectNode credential) {
        String text = credential.path("validFrom").asText(null);
        if (text == null) {
            return java.util.Optional.empty();
        }
        Instant instant = XsdDateTime.tryParse(text);
        if (instant == null) {
            throw new InvalidInputException("The credential's validFrom '" + text + "' is not an xsd:dateTime");
        }
        return java.util.Optional.of(instant.truncatedTo(ChronoUnit.SECONDS).atZone(VIETNAM).toOffsetDateTime());
    }

    private static String credentialId(QrPayload qr) {
        return "urn:uuid:" + qr.credentialId();
    }

    private static byte[] documentId(byte[] credential, Lang lang) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(credential);
            sha.update(lang.tag().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return Arrays.copyOf(sha.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(Object value, String what) {
        if (value == null) {
            throw new InvalidInputException("The " + what + " to render is missing");
        }
    }
}

package vn.academicledger.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.academicledger.core.domain.Diploma;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.error.InvalidInputException;
import vn.academicledger.crypto.DevelopmentPki;
import vn.academicledger.crypto.SchoolOfficials;
import vn.academicledger.documents.render.DocumentRenderer;
import vn.academicledger.documents.render.QrPayload;
import vn.academicledger.documents.sign.LocalTimestampAuthority;
import vn.academicledger.documents.sign.OfficialSigner;
import vn.academicledger.documents.sign.PadesSigner;
import vn.academicledger.documents.sign.Pkcs12OfficialSigner;
import vn.academicledger.documents.sign.RevocationSource;
import vn.academicledger.documents.sign.SignatureLevel;
import vn.academicledger.documents.sign.SigningException;
import vn.academicledger.documents.verify.PdfVerification;

/**
 * Signed PDFs on a development machine: report cards signed by the class's homeroom teacher and then
 * the school's principal, diplomas signed by the Department's director (Giám đốc Sở GDĐT), each at
 * PAdES B-LT, with officials' keys from the development PKI ({@code <data folder>/dev-pki}, generated on
 * first use by crypto-material's {@link DevelopmentPki}), time-stamps from an in-process development
 * time-stamping authority and the PKI's CRLs as revocation data.
 *
 * <pre>{@code
 * try (DevelopmentDocuments documents = DevelopmentDocuments.open(Path.of(".ledger-data"))) {
 *     byte[] pdf = documents.signedReportCard(card, credential, Locale.forLanguageTag("vi"), qr);
 *     documents.verification().verify(pdf).valid();    // true
 * }
 * }</pre>
 *
 * Who signs is found by the record: for a report card the officials {@code homeroom-<class>} (whose name
 * must be the card's homeroom teacher) and {@code principal} of the card's school; for a diploma the
 * official {@code director} of the department's office {@value SchoolOfficials#DEPARTMENT_CODE} (whose
 * name must be the diploma's signer). Thread-safe: sign on as many threads as you like. Never for
 * production: keys are files and the time-stamping authority's clock is this machine's.
 */
public final class DevelopmentDocuments implements AutoCloseable {
    /** The PKI's folder under the data folder. */
    public static final String PKI_FOLDER = "dev-pki";
    static final String REPORT_CARD_REASON = " ký học bạ";
    static final String DIPLOMA_REASON = " ký văn bằng";

    private final DevelopmentPki pki;
    private final Map<String, SchoolOfficials> units;
    private final LocalTimestampAuthority tsa;
    private final PadesSigner signer;
    private final PdfVerification verification;
    private final Map<String, OfficialSigner> signers = new ConcurrentHashMap<>();

    private DevelopmentDocuments(DevelopmentPki pki, List<SchoolOfficials> units) {
        this.pki = pki;
        this.units = units.stream().collect(Collectors.toUnmodifiableMap(SchoolOfficials::code, Function.identity()));
        DevelopmentPki.Identity authority = pki.timestampingAuthority();
        this.tsa = new LocalTimestampAuthority(pki.privateKey(authority), authority.chain());
        this.signer = new PadesSigner(tsa, RevocationSource.of(pki.crls()));
        this.verification = PdfVerification.trusting(pki.trustAnchors()).withRevocationData(pki.crls());
    }

    /** The development officials of crypto-material ({@link SchoolOfficials#developmentDefaults()}): the sample class's. */
    public static DevelopmentDocuments open(Path dataDir) {
        return open(dataDir, SchoolOfficials.developmentDefaults());
    }

    /**
     * Ensures the development PKI in {@code <dataDir>/dev-pki} for {@code units} (writing only what is missing or
     * stale) and starts the time-stamping authority.
     *
     * @throws SigningException {@code SIGNER_UNAVAILABLE} if the PKI cannot be written or read
     */
    public static DevelopmentDocuments open(Path dataDir, List<SchoolOfficials> units) {
        try {
            return new DevelopmentDocuments(DevelopmentPki.ensure(dataDir.resolve(PKI_FOLDER), units), units);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new SigningException("SIGNER_UNAVAILABLE", "Cannot prepare the development PKI in "
                    + dataDir.resolve(PKI_FOLDER) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renders the report card ({@link DocumentRenderer#reportCard}) and has it signed at B-LT by the class's
     * homeroom teacher, then by the principal.
     *
     * @throws InvalidInputException if the credential does not match the card, or the PKI has no homeroom teacher
     *                               of the card's class by the card's name, or no principal of its school
     * @throws SigningException      naming the stage that failed
     */
    public byte[] signedReportCard(ReportCard card, ObjectNode credential, Locale language, QrPayload qr) {
        if (card == null) {
            throw new InvalidInputException("The report card to sign is missing");
        }
        SchoolOfficials school = unit(card.school().code(), card.school().name(), "report card of "
                + card.student().fullName());
        DevelopmentPki.Identity teacher = official(school, SchoolOfficials.homeroomTeacherId(card.className()),
                "homeroom teacher of class " + card.className());
        if (!teacher.name().equals(card.homeroomTeacher())) {
            throw new InvalidInputException("The report card names " + card.homeroomTeacher() + " as homeroom teacher of "
                    + card.className() + " but the development PKI's is " + teacher.name() + "; give DevelopmentDocuments "
                    + "the school's officials as the records name them");
        }
        DevelopmentPki.Identity principal = official(school, SchoolOfficials.PRINCIPAL, "principal");
        byte[] pdf = DocumentRenderer.reportCard(card, credential, language, qr);
        byte[] byTeacher = signer.sign(pdf, signer(school, teacher), SignatureLevel.PADES_BASELINE_LT,
                teacher.title() + REPORT_CARD_REASON);
        return signer.sign(byTeacher, signer(school, principal), SignatureLevel.PADES_BASELINE_LT,
                principal.title() + REPORT_CARD_REASON);
    }

    /**
     * Renders the diploma ({@link DocumentRenderer#diploma}) and has it signed at B-LT by the Department's director.
     *
     * @throws InvalidInputException if the credential does not match the diploma, or the diploma's signer is not
     *                               the development PKI's director
     * @throws SigningException      naming the stage that failed
     */
    public byte[] signedDiploma(Diploma diploma, ObjectNode credential, Locale language, QrPayload qr) {
        if (diploma == null) {
            throw new InvalidInputException("The diploma to sign is missing");
        }
        SchoolOfficials department = unit(SchoolOfficials.DEPARTMENT_CODE, null, "diploma " + diploma.serialNumber());
        DevelopmentPki.Identity director = official(department, SchoolOfficials.DIRECTOR, "director");
        if (!director.name().equals(diploma.signerName())) {
            throw new InvalidInputException("The diploma " + diploma.serialNumber() + " names " + diploma.signerName()
                    + " as signer but the development PKI's director is " + director.name());
        }
        byte[] pdf = DocumentRenderer.diploma(diploma, credential, language, qr);
        return signer.sign(pdf, signer(department, director), SignatureLevel.PADES_BASELINE_LT,
                director.title() + DIPLOMA_REASON);
    }

    /** The root every signature chains to. */
    public List<X509Certificate> trustAnchors() {
        return pki.trustAnchors();
    }

    /** {@code <dataDir>/dev-pki/trust-anchors.pem}, e.g. for the verifier service. */
    public Path trustAnchorsFile() {
        return pki.trustAnchorsFile();
    }

    /** The CRLs of every CA of the PKI (B-LT documents carry them; B-B and B-T verification needs them). */
    public List<X509CRL> crls() {
        return pki.crls();
    }

    /** A verification trusting {@link #trustAnchors()} with {@link #crls()}. */
    public PdfVerification verification() {
        return verification;
    }

    /** Stops the time-stamping authority's HTTP endpoint, if one was started. */
    @Override
    public void close() {
        tsa.close();
    }

    private SchoolOfficials unit(String code, String expectedName, String what) {
        SchoolOfficials unit = units.get(code);
        if (unit == null) {
            throw new InvalidInputException("The development PKI has no officials of unit " + code + " to sign the "
                    + what + "; it has " + units.keySet());
        }
        if (expectedName != null && !unit.name().equals(expectedName)) {
            throw new InvalidInputException("The " + what + " is of " + expectedName + " (" + code
                    + ") but the development PKI names that unit " + unit.name());
        }
        return unit;
    }

    private DevelopmentPki.Identity official(SchoolOfficials unit, String id, String role) {
        if (unit.officials().stream().noneMatch(o -> o.id().equals(id))) {
            throw new InvalidInputException("The development PKI has no " + role + " (" + id + ") of " + unit.name()
                    + " (" + unit.code() + ")");
        }
        return pki.official(unit.code(), id);
    }

    private OfficialSigner signer(SchoolOfficials unit, DevelopmentPki.Identity identity) {
        return signers.computeIfAbsent(unit.code() + "/" + identity.id(),
                key -> Pkcs12OfficialSigner.open(identity.p12(), pki.password(), identity.id()));
    }
}

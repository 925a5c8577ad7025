package vn.academicledger.verifier.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.academicledger.core.anchor.AnchoredBatch;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.did.DidKey;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.domain.CredentialText;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.domain.School;
import vn.academicledger.core.grading.SampleClass;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerPort;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.proof.DataIntegritySigner;
import vn.academicledger.core.proof.ProofOptions;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.vc.VerifiableCredential;
import vn.academicledger.ledger.embedded.EmbeddedLedger;

/**
 * Issues credentials in tests the way the issuer does: the sample school is accredited on the
 * embedded ledger with a fresh key, signs report cards of the sample class, anchors each as a batch
 * and writes {@code <uuid>.json} into the credential folder the verifier reads.
 */
public final class TestIssuer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final SampleClass SAMPLE = SampleClass.load();

    private final EmbeddedLedger ledger;
    private final Path folder;
    private final School school = SAMPLE.school();
    private final Ed25519KeyPair key = Ed25519KeyPair.generate();
    private final DataIntegritySigner signer = new DataIntegritySigner();
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    private final Map<String, ReportCard> records = new ConcurrentHashMap<>();
    private int next;

    public TestIssuer(EmbeddedLedger ledger, Path folder) {
        this.ledger = ledger;
        this.folder = folder;
        try (LedgerPort admin = ledger.connect(ClientIdentity.departmentAdmin("admin@test"))) {
            if (admin.findIssuer(school.code()).isEmpty()) {
                admin.accreditIssuer(school.code(), school.name(), school.did(), List.of(key.publicKey().multibase()));
            } else {
                admin.updateIssuerKeys(school.code(), List.of(key.publicKey().multibase()));
            }
        }
    }

    public static SampleClass sample() {
        return SAMPLE;
    }

    /** An unsigned report card credential of the next student of the sample class. */
    public synchronized ObjectNode unsignedReportCard(String issuerDid) {
        ReportCard card = SAMPLE.reportCards().get(next++ % SAMPLE.reportCards().size());
        CredentialText text = CredentialText.of(card);
        UUID id = UUID.randomUUID();
        records.put("urn:uuid:" + id, card);
        return VerifiableCredential.builder()
                .context(BundledContexts.ACADEMIC_LEDGER_V1)
                .id(id)
                .type(CredentialType.REPORT_CARD.typeName())
                .issuer(issuerDid, school.name())
                .name(text.nameVi(), text.nameEn())
                .description(text.descriptionVi(), text.descriptionEn())
                .validFrom(now())
                .credentialSubject(CredentialSubjects.of(card))
                .buildJson();
    }

    /** A report card signed by the accredited school with {@code suite}, anchored, written to the folder. */
    public ObjectNode reportCard(Cryptosuite suite) {
        return issue(List.of(signed(suite))).get(0);
    }

    /** Several at once, in one batch. */
    public List<ObjectNode> reportCards(Cryptosuite suite, int count) {
        List<ObjectNode> signed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            signed.add(signed(suite));
        }
        return issue(signed);
    }

    public ObjectNode signed(Cryptosuite suite) {
        return signer.sign(unsignedReportCard(school.did()), ProofOptions.assertion(suite,
                school.did() + "#" + key.publicKey().multibase(), now()), key);
    }

    /** Anchors credentials signed elsewhere (e.g. by another implementation) as the school, and writes them. */
    public List<ObjectNode> issue(List<ObjectNode> signed) {
        List<AnchoredBatch.Entry> entries = signed.stream().map(AnchoredBatch.Entry::of).toList();
        AnchoredBatch batch;
        try (LedgerPort port = ledger.connect(ClientIdentity.schoolIssuer("issuer@test", school.code()))) {
            batch = AnchoredBatch.anchor(port, "embedded", school.code() + "-test-" + UUID.randomUUID(), school.code(),
                    CredentialType.REPORT_CARD.typeName(), entries);
        }
        for (int i = 0; i < batch.credentials().size(); i++) {
            ObjectNode credential = batch.credentials().get(i);
            digests.put(credential.get("id").asText(), HexFormat.of().formatHex(batch.digests().get(i)));
            write(credential);
        }
        return batch.credentials();
    }

    /** Revokes an issued credential on the ledger, as its school. */
    public void revoke(ObjectNode credential, String reasonCode) {
        try (LedgerPort port = ledger.connect(ClientIdentity.schoolIssuer("issuer@test", school.code()))) {
            port.revoke(digests.get(credential.get("id").asText()), school.code(), reasonCode);
        }
    }

    /** Writes {@code <uuid>.json} (e.g. a changed copy under the same id). */
    public Path write(ObjectNode credential) {
        String id = credential.get("id").asText();
        Path file = folder.resolve(UUID.fromString(id.substring("urn:uuid:".length())) + ".json");
        try {
            Files.createDirectories(folder);
            Files.writeString(file, JSON.writeValueAsString(credential));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A credential signed by a did:key issuer the department never accredited, anchored nowhere. */
    public ObjectNode fromUnknownIssuer() {
        Ed25519KeyPair stranger = Ed25519KeyPair.generate();
        String did = DidKey.did(stranger.publicKey());
        ObjectNode signed = signer.sign(unsignedReportCard(did), ProofOptions.assertion(Cryptosuite.EDDSA_JCS_2022,
                DidKey.verificationMethodId(stranger.publicKey()), now()), stranger);
        write(signed);
        return signed;
    }

    /** The report card a credential of this issuer was made from. */
    public ReportCard recordOf(ObjectNode credential) {
        return records.get(credential.get("id").asText());
    }

    public static UUID uuidOf(ObjectNode credential) {
        return UUID.fromString(credential.get("id").asText().substring("urn:uuid:".length()));
    }

    /** A copy with one year average of the first subject raised (a tampered grade). */
    public static ObjectNode withChangedGrade(ObjectNode credential) {
        ObjectNode copy = credential.deepCopy();
        ObjectNode subject = (ObjectNode) copy.at("/credentialSubject/reportCard/subjectResults/1");
        subject.put("averageYear", "9.9");
        return copy;
    }

    /** The school's DID document, its key named by its multibase as the ledger registry names it. */
    public ObjectNode didDocument() {
        return vn.academicledger.core.did.DidWeb.document(school.did(), key.publicKey(), key.publicKey().multibase());
    }

    public String schoolCode() {
        return school.code();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}

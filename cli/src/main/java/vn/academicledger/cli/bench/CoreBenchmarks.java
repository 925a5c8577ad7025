package vn.academicledger.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import vn.academicledger.core.anchor.AnchorReceipt;
import vn.academicledger.core.anchor.AnchoredBatch;
import vn.academicledger.core.anchor.CredentialDigest;
import vn.academicledger.core.anchor.MerkleTree;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.did.DidResolutionException;
import vn.academicledger.core.did.DidResolver;
import vn.academicledger.core.did.VerificationMethod;
import vn.academicledger.core.domain.CredentialSubjects;
import vn.academicledger.core.domain.CredentialText;
import vn.academicledger.core.domain.CredentialType;
import vn.academicledger.core.domain.ReportCard;
import vn.academicledger.core.grading.SampleClass;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.core.proof.DataIntegritySigner;
import vn.academicledger.core.proof.DataIntegrityVerifier;
import vn.academicledger.core.proof.ProofOptions;
import vn.academicledger.core.vc.BundledContexts;
import vn.academicledger.core.vc.VerifiableCredential;

/**
 * The credential core's throughput, per cryptosuite, on the sample class's real report cards.
 * <ul>
 *   <li>{@code issue}: build the VC 2.0 credential → sign (Data Integrity) → salted digest → Merkle
 *       batch of {@value #BATCH} with every inclusion proof; one operation is one credential.</li>
 *   <li>{@code verify}: check the signature, recompute the salted digest and check its Merkle
 *       inclusion proof against the batch root; one operation is one credential.</li>
 * </ul>
 * Ledger reads are not part of these figures (see the verifier service's load test).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class CoreBenchmarks {
    static final int BATCH = 100;

    @Param({"eddsa-jcs-2022", "eddsa-rdfc-2022"})
    public String suite;

    private List<ReportCard> cards;
    private final List<ObjectNode> subjects = new ArrayList<>();
    private final List<CredentialText> texts = new ArrayList<>();
    private Ed25519KeyPair key;
    private String did;
    private String method;
    private Cryptosuite cryptosuite;
    private DataIntegritySigner signer;
    private DataIntegrityVerifier verifier;
    private List<ObjectNode> anchored;
    private byte[] root;

    @Setup(Level.Trial)
    public void setUp() {
        SampleClass sample = SampleClass.load();
        cards = sample.reportCards();
        for (ReportCard card : cards) {
            subjects.add(CredentialSubjects.of(card));
            texts.add(CredentialText.of(card));
        }
        key = Ed25519KeyPair.generate();
        did = sample.school().did();
        method = did + "#" + key.publicKey().multibase();
        cryptosuite = Cryptosuite.fromId(suite).orElseThrow();
        signer = new DataIntegritySigner();
        VerificationMethod vm = new VerificationMethod(method, did, key.publicKey(), Set.of(VerificationMethod.ASSERTION_METHOD));
        DidResolver resolver = id -> {
            if (!id.equals(method)) {
                throw new DidResolutionException(DidResolutionException.Reason.DID_NOT_RESOLVABLE, id, "unknown " + id);
            }
            return vm;
        };
        verifier = new DataIntegrityVerifier(resolver);
        List<AnchoredBatch.Entry> entries = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            entries.add(AnchoredBatch.Entry.of(credential(i)));
        }
        MerkleTree tree = MerkleTree.build(entries.stream().map(AnchoredBatch.Entry::digest).toList());
        root = tree.root();
        anchored = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            AnchorReceipt receipt = new AnchorReceipt("bench", "bench-batch", java.util.HexFormat.of().formatHex(root),
                    i, BATCH, tree.proof(i).path().stream().map(java.util.HexFormat.of()::formatHex).toList(),
                    java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(entries.get(i).salt()));
            anchored.add(CredentialDigest.withReceipt(entries.get(i).credential(), receipt));
        }
        if (!verifyOne(anchored.get(0))) {
            throw new IllegalStateException("benchmark fixture does not verify");
        }
    }

    private ObjectNode credential(int i) {
        int c = i % cards.size();
        CredentialText text = texts.get(c);
        ObjectNode unsigned = VerifiableCredential.builder()
                .context(BundledContexts.ACADEMIC_LEDGER_V1)
                .id(UUID.randomUUID())
                .type(CredentialType.REPORT_CARD.typeName())
                .issuer(did, "Trường THPT")
                .name(text.nameVi(), text.nameEn())
                .description(text.descriptionVi(), text.descriptionEn())
                .validFrom(Instant.parse("2026-06-01T00:00:00Z"))
                .credentialSubject(subjects.get(c).deepCopy())
                .buildJson();
        return signer.sign(unsigned, ProofOptions.assertion(cryptosuite, method, Instant.parse("2026-06-01T00:00:00Z")), key);
    }

    private boolean verifyOne(ObjectNode credential) {
        if (!verifier.verify(credential).verified()) {
            return false;
        }
        AnchorReceipt receipt = AnchorReceipt.fromJson(CredentialDigest.receipts(credential).get(0));
        byte[] digest = CredentialDigest.of(credential, receipt.saltBytes());
        return receipt.inclusionProof().verify(digest, root);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void issue(Blackhole bh) {
        List<byte[]> digests = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            AnchoredBatch.Entry e = AnchoredBatch.Entry.of(credential(i));
            digests.add(e.digest());
        }
        MerkleTree tree = MerkleTree.build(digests);
        for (int i = 0; i < BATCH; i++) {
            bh.consume(tree.proof(i));
        }
        bh.consume(tree.root());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void verify(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            if (!verifyOne(anchored.get(i))) {
                throw new IllegalStateException("credential " + i + " failed verification");
            }
        }
        bh.consume(Map.of());
    }
}

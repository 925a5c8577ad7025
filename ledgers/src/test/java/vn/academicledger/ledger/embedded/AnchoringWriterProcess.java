package vn.academicledger.ledger.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import vn.academicledger.core.ledger.AnchorRequest;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerPort;

/**
 * The writer of {@link EmbeddedLedgerFollowerTest}'s two-process test, run in a JVM of its own:
 * {@code AnchoringWriterProcess DIR N} opens the ledger in DIR (taking its lock), accredits the school
 * (block 0), anchors batches {@code batch-0 … batch-(N-1)} (blocks 1 … N), prints
 * {@code anchored N}, and keeps the ledger open until its standard input ends.
 */
public final class AnchoringWriterProcess {
    static final String SCHOOL = "THPT-LHP";
    static final String KEY = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";

    private AnchoringWriterProcess() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        int batches = Integer.parseInt(args[1]);
        try (EmbeddedLedger ledger = EmbeddedLedger.open(directory)) {
            ledger.connect(ClientIdentity.departmentAdmin("CN=admin.sogddt"))
                    .accreditIssuer(SCHOOL, "Trường THPT Lê Hồng Phong", "did:web:lhp.edu.vn", List.of(KEY));
            LedgerPort school = ledger.connect(ClientIdentity.schoolIssuer("CN=issuer.thpt-lhp", SCHOOL));
            for (int i = 0; i < batches; i++) {
                school.anchorBatch(new AnchorRequest("batch-" + i, root(i), SCHOOL, 1 + i % 40, "ReportCard"));
            }
            System.out.println("anchored " + batches);
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the writer lock until the parent closes our input (or stops us)
            }
        }
    }

    static String root(int i) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) i;
        bytes[1] = (byte) (i >> 8);
        bytes[31] = (byte) 0x5a;
        return HexFormat.of().formatHex(bytes);
    }
}

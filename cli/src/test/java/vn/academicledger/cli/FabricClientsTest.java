package vn.academicledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.academicledger.core.ledger.ClientIdentity;
import vn.academicledger.core.ledger.LedgerException;
import vn.academicledger.crypto.CryptoMaterialMain;
import vn.academicledger.ledger.fabric.FabricIdentity;

/** Which enrolment of crypto-material each role the commands play uses on Fabric (no network needed). */
class FabricClientsTest {
    @TempDir
    static Path generated;
    static Path crypto;

    @BeforeAll
    static void generateTheNetworksMaterial() {
        assertThat(new CommandLine(new CryptoMaterialMain()).execute("--out", generated.toString(), "--only", "fabric")).isZero();
        crypto = generated.resolve("fabric");
    }

    @Test
    void the_department_admin_acts_with_the_dept_admin_enrolment() {
        FabricIdentity admin = FabricClients.identityFor(crypto, ClientIdentity.departmentAdmin("anyone"));
        assertThat(admin.mspId()).isEqualTo(ClientIdentity.DEPARTMENT_MSP);
        assertThat(admin.clientIdentity().attributes()).containsEntry(ClientIdentity.ROLE, "admin");
        assertThat(admin.clientIdentity().subject()).contains("CN=dept-admin");
    }

    @Test
    void the_departments_diploma_office_is_an_issuer_under_its_unit_code() {
        FabricIdentity office = FabricClients.identityFor(crypto, ClientIdentity.schoolIssuer("diplomas", DemoCommand.DEPARTMENT_CODE));
        assertThat(office.clientIdentity().attributes())
                .containsEntry(ClientIdentity.ROLE, "issuer")
                .containsEntry(ClientIdentity.SCHOOL_CODE, DemoCommand.DEPARTMENT_CODE);
    }

    @Test
    void the_public_verifier_reads_as_the_ministrys_auditor() {
        FabricIdentity verifier = FabricClients.identityFor(crypto, Workspace.PUBLIC_VERIFIER);
        assertThat(verifier.mspId()).isEqualTo(ClientIdentity.MINISTRY_MSP);
        assertThat(verifier.clientIdentity().subject()).contains("CN=auditor");
    }

    @Test
    void a_school_without_an_enrolment_is_refused_with_what_to_run() {
        assertThatThrownBy(() -> FabricClients.identityFor(crypto, ClientIdentity.schoolIssuer("x", "79009999")))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("79009999")
                .hasMessageContaining("./ledger fabric up");
    }

    @Test
    void a_role_crypto_material_has_no_enrolment_for_is_refused() {
        assertThatThrownBy(() -> FabricClients.identityFor(crypto,
                new ClientIdentity(ClientIdentity.DEPARTMENT_MSP, "x", Map.of(ClientIdentity.ROLE, "auditor"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auditor");
    }

    @Test
    void receipts_name_the_ledger_they_were_anchored_on() {
        assertThat(LedgerKind.EMBEDDED.receiptName()).isEqualTo("embedded");
        assertThat(LedgerKind.FABRIC.receiptName()).isEqualTo("fabric:academic/academic-ledger");
    }
}

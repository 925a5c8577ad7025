package vn.academicledger.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.core.ledger.ClientIdentity;

class FabricIdentityTest {
    private final TestEnrollment ca = TestEnrollment.throwawayCa("department.test");

    @Test
    void reads_an_msp_folder_and_the_fabric_ca_attributes_of_its_certificate(@TempDir Path msp) throws Exception {
        FabricIdentity enrolled = ca.enroll("DepartmentMSP", "school-79000701", Map.of("role", "issuer", "schoolCode", "79000701"));
        ca.writeMspFolder(enrolled, msp);

        FabricIdentity read = FabricIdentity.fromMspDirectory("DepartmentMSP", msp);

        assertThat(read.certificate()).isEqualTo(enrolled.certificate());
        assertThat(read.privateKey().getEncoded()).isEqualTo(enrolled.privateKey().getEncoded());
        ClientIdentity client = read.clientIdentity();
        assertThat(client.mspId()).isEqualTo("DepartmentMSP");
        assertThat(client.subject()).contains("CN=school-79000701").contains("OU=client");
        assertThat(client.attributes()).isEqualTo(Map.of("role", "issuer", "schoolCode", "79000701"));
    }

    @Test
    void a_certificate_without_attributes_has_none() {
        assertThat(CertificateAttributes.of(ca.caCertificate())).isEmpty();
    }

    @Test
    void refuses_a_keystore_with_more_than_one_key(@TempDir Path msp) throws Exception {
        ca.writeMspFolder(ca.enroll("MinistryMSP", "auditor", Map.of("role", "auditor")), msp);
        Files.writeString(msp.resolve("keystore/other_sk"), "x");

        assertThatThrownBy(() -> FabricIdentity.fromMspDirectory("MinistryMSP", msp))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one file");
    }

    @Test
    void reads_long_octet_strings() {
        byte[] content = new byte[300];
        byte[] der = new byte[content.length + 4];
        der[0] = 0x04;
        der[1] = (byte) 0x82;
        der[2] = 0x01;
        der[3] = 0x2c;
        assertThat(CertificateAttributes.octetStringContent(der)).hasSize(300);
    }
}

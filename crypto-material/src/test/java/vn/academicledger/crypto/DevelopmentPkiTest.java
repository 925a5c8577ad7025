package vn.academicledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.academicledger.core.domain.Diploma;
import vn.academicledger.core.grading.SampleClass;

class DevelopmentPkiTest {
    static final String SCHOOL = SchoolOfficials.SAMPLE_SCHOOL_CODE;
    static final String DEPARTMENT = CryptoMaterialMain.DEPARTMENT_UNIT_CODE;

    @TempDir
    static Path dir;
    static DevelopmentPki pki;

    @BeforeAll
    static void ensure() {
        pki = DevelopmentPki.ensure(dir, SchoolOfficials.developmentDefaults());
    }

    static void validate(List<X509Certificate> chain, X509Certificate root, List<X509CRL> crls) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(true);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, chain.size() - 1)), parameters);
    }

    static String output(java.util.function.Consumer<PrintStream> action) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        action.accept(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return buffer.toString(StandardCharsets.UTF_8);
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Nested
    class TheDevelopmentOfficials {
        @Test
        void are_those_of_the_sample_class_its_school_and_the_department() {
            SampleClass sample = SampleClass.load();
            Diploma diploma = sample.diplomas().get(0);
            DevelopmentPki.Identity teacher = pki.official(sample.school().code(),
                    SchoolOfficials.homeroomTeacherId(sample.className()));
            assertThat(teacher.name()).isEqualTo(sample.reportCards().get(0).homeroomTeacher()).isEqualTo("Phạm Thị Thanh Hương");
            assertThat(CryptoMaterialTest.rdn(teacher.certificate(), org.bouncycastle.asn1.x500.style.BCStyle.O))
                    .isEqualTo(sample.school().name());
            assertThat(CryptoMaterialTest.rdn(teacher.certificate(), org.bouncycastle.asn1.x500.style.BCStyle.T))
                    .isEqualTo("Giáo viên chủ nhiệm lớp 12A1");
            assertThat(pki.official(SCHOOL, SchoolOfficials.PRINCIPAL).name()).isEqualTo("Nguyễn Thị Lan");
            DevelopmentPki.Identity director = pki.official(DEPARTMENT, SchoolOfficials.DIRECTOR);
            assertThat(director.name()).isEqualTo(diploma.signerName());
            assertThat(director.title()).isEqualTo(diploma.signerTitle());
            assertThat(CryptoMaterialTest.rdn(director.certificate(), org.bouncycastle.asn1.x500.style.BCStyle.O))
                    .isEqualTo(diploma.issuingAuthority());
        }

        @Test
        void sign_documents_and_e_mail_but_not_certificates_and_name_their_issuers_crl() throws Exception {
            for (DevelopmentPki.Identity official : pki.officials().values()) {
                X509Certificate c = official.certificate();
                assertThat(c.getKeyUsage()).as(official.id()).startsWith(true, true, false, false, false, false);
                assertThat(c.getExtendedKeyUsage()).containsExactly(DevelopmentPki.DOCUMENT_SIGNING, DevelopmentPki.EMAIL_PROTECTION);
                assertThat(c.getBasicConstraints()).isEqualTo(-1);
                String unitFolder = official.p12().getParent().getParent().getFileName().toString();
                String issuerCa = unitFolder.equals("department-ca") ? "department-ca" : "school-" + unitFolder + "-ca";
                assertThat(DevelopmentPki.crlDistributionPoints(c)).containsExactly(DevelopmentPki.CRL_BASE_URL + issuerCa + ".crl");
            }
        }

        @Test
        void the_director_is_issued_by_the_department_ca_and_the_teachers_by_their_schools_ca() {
            assertThat(pki.official(DEPARTMENT, SchoolOfficials.DIRECTOR).chain()).hasSize(3);
            assertThat(pki.official(DEPARTMENT, SchoolOfficials.DIRECTOR).chain().get(1).getSubjectX500Principal().getName())
                    .contains("Document Signing CA");
            assertThat(pki.official(SCHOOL, "homeroom-12a1").chain()).hasSize(4);
            assertThat(pki.official(SCHOOL, "homeroom-12a1").chain().get(1).getSubjectX500Principal().getName())
                    .contains("Bến Nghé Signing CA");
        }

        @Test
        void open_from_their_pkcs12_files_with_the_password_and_hold_the_certified_key() throws Exception {
            DevelopmentPki.Identity teacher = pki.official(SCHOOL, "homeroom-12a1");
            KeyStore store = DevelopmentPki.open(teacher.p12(), pki.password());
            assertThat(store.getCertificateChain("homeroom-12a1")).containsExactlyElementsOf(teacher.chain());
            CryptoMaterialTest.assertKeyMatches(pki.privateKey(teacher), teacher.certificate());
            assertThat(Files.readString(pki.directory().resolve("dev-password.txt")).strip())
                    .isEqualTo(new String(pki.password()));
        }

        @Test
        void an_unknown_official_is_refused_naming_those_there_are() {
            assertThatThrownBy(() -> pki.official(SCHOOL, "homeroom-9z9"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("homeroom-9z9").hasMessageContaining("79000701/principal");
        }
    }

    @Nested
    class TheTimeStampingAuthority {
        @Test
        void has_only_the_critical_time_stamping_usage_and_chains_to_the_root() throws Exception {
            DevelopmentPki.Identity tsa = pki.timestampingAuthority();
            X509Certificate c = tsa.certificate();
            assertThat(c.getExtendedKeyUsage()).containsExactly(DevelopmentPki.TIME_STAMPING);
            assertThat(c.getCriticalExtensionOIDs()).contains("2.5.29.37");
            assertThat(c.getBasicConstraints()).isEqualTo(-1);
            assertThat(tsa.chain()).hasSize(2);
            assertThat(tsa.chain().get(1)).isEqualTo(pki.trustAnchors().get(0));
            CryptoMaterialTest.verifyChain(pki.trustAnchors().get(0), c);
            PrivateKey key = pki.privateKey(tsa);
            CryptoMaterialTest.assertKeyMatches(key, c);
        }
    }

    @Nested
    class TheCrls {
        @Test
        void one_per_ca_each_signed_by_its_ca_and_due_in_30_days() throws Exception {
            List<X509CRL> crls = pki.crls();
            assertThat(crls).extracting(crl -> crl.getIssuerX500Principal().getName()).hasSize(4)
                    .anySatisfy(n -> assertThat(n).contains("Root CA"))
                    .anySatisfy(n -> assertThat(n).contains("Document Signing CA"))
                    .anySatisfy(n -> assertThat(n).contains("Bến Nghé"))
                    .anySatisfy(n -> assertThat(n).contains("79000702"));
            for (X509CRL crl : crls) {
                assertThat(crl.getRevokedCertificates()).isNull();
                assertThat(Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant()))
                        .isEqualTo(Duration.ofDays(30));
                assertThat(crl.getExtensionValue("2.5.29.20")).as("CRL number").isNotNull();
            }
        }

        @Test
        void let_pkix_check_revocation_of_every_official_and_the_tsa() throws Exception {
            X509Certificate root = pki.trustAnchors().get(0);
            for (DevelopmentPki.Identity official : pki.officials().values()) {
                validate(official.chain(), root, pki.crls());
            }
            validate(pki.timestampingAuthority().chain(), root, pki.crls());
        }

        @Test
        void are_dated_no_earlier_than_any_certificate_they_cover() {
            List<X509Certificate> covered = new ArrayList<>();
            pki.officials().values().forEach(o -> covered.addAll(o.chain().subList(0, o.chain().size() - 1)));
            covered.addAll(pki.timestampingAuthority().chain().subList(0, 1));
            for (X509Certificate c : covered) {
                X509CRL crl = pki.crls().stream().filter(r -> r.getIssuerX500Principal().equals(c.getIssuerX500Principal()))
                        .findFirst().orElseThrow();
                assertThat(crl.getThisUpdate()).as(c.getSubjectX500Principal().getName()).isAfterOrEqualTo(c.getNotBefore());
            }
        }

        @Test
        void sit_where_the_certificates_distribution_points_say() {
            for (DevelopmentPki.Identity official : pki.officials().values()) {
                String url = DevelopmentPki.crlDistributionPoints(official.certificate()).get(0);
                String file = url.substring(DevelopmentPki.CRL_BASE_URL.length());
                assertThat(pki.directory().resolve("crl").resolve(file)).isRegularFile();
            }
        }
    }

    @Nested
    class WhenEnsuredAgain {
        @Test
        void writes_nothing_and_hands_out_the_same_certificates_and_crls() {
            DevelopmentPki again = DevelopmentPki.ensure(dir, SchoolOfficials.developmentDefaults());
            assertThat(again.written()).isZero();
            assertThat(again.officials()).isEqualTo(pki.officials());
            assertThat(again.crls()).isEqualTo(pki.crls());
            assertThat(again.timestampingAuthority()).isEqualTo(pki.timestampingAuthority());
        }

        @Test
        void a_renamed_official_is_reissued_with_a_new_crl_of_the_school_ca_and_nothing_else(@TempDir Path copy) throws Exception {
            DevelopmentPki first = DevelopmentPki.ensure(copy, SchoolOfficials.developmentDefaults());
            List<SchoolOfficials> renamed = new ArrayList<>();
            for (SchoolOfficials unit : SchoolOfficials.developmentDefaults()) {
                if (!unit.code().equals(SCHOOL)) {
                    renamed.add(unit);
                    continue;
                }
                List<SchoolOfficials.Official> officials = new ArrayList<>(unit.officials());
                officials.set(0, new SchoolOfficials.Official(SchoolOfficials.PRINCIPAL, "Đỗ Minh Khang", "Hiệu trưởng"));
                renamed.add(new SchoolOfficials(unit.code(), unit.name(), officials));
            }
            String log = output(out -> DevelopmentPki.ensure(copy, renamed, out));
            assertThat(log.lines()).hasSize(2).anySatisfy(l -> assertThat(l).contains("principal.p12 (Đỗ Minh Khang"))
                    .anySatisfy(l -> assertThat(l).contains("crl/school-79000701-ca.crl"));
            DevelopmentPki second = DevelopmentPki.ensure(copy, renamed);
            assertThat(second.official(SCHOOL, "homeroom-12a1")).isEqualTo(first.official(SCHOOL, "homeroom-12a1"));
            validate(second.official(SCHOOL, SchoolOfficials.PRINCIPAL).chain(), second.trustAnchors().get(0), second.crls());
        }

        @Test
        void after_the_password_file_is_lost_every_key_file_opens_with_the_new_password(@TempDir Path copy) throws Exception {
            DevelopmentPki first = DevelopmentPki.ensure(copy, SchoolOfficials.developmentDefaults());
            Files.delete(copy.resolve(DevelopmentPki.PASSWORD_FILE));
            DevelopmentPki second = DevelopmentPki.ensure(copy, SchoolOfficials.developmentDefaults());
            assertThat(second.password()).isNotEqualTo(first.password());
            for (DevelopmentPki.Identity identity : second.officials().values()) {
                CryptoMaterialTest.assertKeyMatches(second.privateKey(identity), identity.certificate());
            }
            CryptoMaterialTest.assertKeyMatches(second.privateKey(second.timestampingAuthority()),
                    second.timestampingAuthority().certificate());
            assertThat(second.trustAnchors()).isEqualTo(first.trustAnchors());
        }

        @Test
        void crls_due_within_a_week_are_reissued_and_nothing_else(@TempDir Path copy) {
            DevelopmentPki first = DevelopmentPki.ensure(copy, SchoolOfficials.developmentDefaults());
            DevelopmentPki later = DevelopmentPki.ensure(copy, SchoolOfficials.developmentDefaults(),
                    new PrintStream(java.io.OutputStream.nullOutputStream()), at(Instant.now().plus(Duration.ofDays(24))));
            assertThat(later.written()).isEqualTo(4);
            assertThat(later.officials()).isEqualTo(first.officials());
            assertThat(later.crls()).allSatisfy(crl -> assertThat(crl.getNextUpdate().toInstant())
                    .isAfter(Instant.now().plus(Duration.ofDays(53))));
        }

        @Test
        void officials_expiring_within_30_days_are_reissued_but_not_the_cas(@TempDir Path copy) {
            DevelopmentPki first = DevelopmentPki.ensure(copy, SchoolOfficials.developmentDefaults());
            Instant nearExpiry = first.official(SCHOOL, SchoolOfficials.PRINCIPAL).certificate().getNotAfter().toInstant()
                    .minus(Duration.ofDays(10));
            DevelopmentPki later = DevelopmentPki.ensure(copy, SchoolOfficials.developmentDefaults(),
                    new PrintStream(java.io.OutputStream.nullOutputStream()), at(nearExpiry));
            for (Map.Entry<String, DevelopmentPki.Identity> official : later.officials().entrySet()) {
                DevelopmentPki.Identity before = first.officials().get(official.getKey());
                assertThat(official.getValue().certificate()).isNotEqualTo(before.certificate());
                assertThat(official.getValue().chain().subList(1, before.chain().size()))
                        .isEqualTo(before.chain().subList(1, before.chain().size()));
            }
            assertThat(later.timestampingAuthority()).isEqualTo(first.timestampingAuthority());
        }

        @Test
        void a_replaced_ca_key_reissues_everything_under_it_and_the_chains_still_validate(@TempDir Path copy) throws Exception {
            DevelopmentPki first = DevelopmentPki.ensure(copy, SchoolOfficials.developmentDefaults());
            Files.write(copy.resolve("department-ca/key.pem"), Files.readAllBytes(copy.resolve("root-ca/key.pem")));
            DevelopmentPki second = DevelopmentPki.ensure(copy, SchoolOfficials.developmentDefaults());
            assertThat(second.official(SCHOOL, SchoolOfficials.PRINCIPAL).chain().get(2))
                    .isNotEqualTo(first.official(SCHOOL, SchoolOfficials.PRINCIPAL).chain().get(2));
            assertThat(second.timestampingAuthority()).isEqualTo(first.timestampingAuthority());
            for (DevelopmentPki.Identity official : second.officials().values()) {
                validate(official.chain(), second.trustAnchors().get(0), second.crls());
            }
            assertThatThrownBy(() -> validate(first.official(SCHOOL, SchoolOfficials.PRINCIPAL).chain(),
                    second.trustAnchors().get(0), second.crls())).isInstanceOf(CertPathValidatorException.class);
        }

        @Test
        void from_two_threads_at_once_both_get_the_same_pki(@TempDir Path copy) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<DevelopmentPki> task = () -> DevelopmentPki.ensure(copy, SchoolOfficials.developmentDefaults());
                Future<DevelopmentPki> a = pool.submit(task);
                Future<DevelopmentPki> b = pool.submit(task);
                assertThat(a.get().officials()).isEqualTo(b.get().officials());
                assertThat(Math.min(a.get().written(), b.get().written())).as("the one that waited writes nothing").isZero();
                assertThat(Math.max(a.get().written(), b.get().written())).isPositive();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void unit_codes_and_official_ids_are_checked() {
        assertThatThrownBy(() -> new SchoolOfficials("7900070", "Trường", List.of())).hasMessageContaining("8 digits");
        assertThatThrownBy(() -> new SchoolOfficials.Official("Hiệu trưởng", "A", "B")).hasMessageContaining("lower-case");
        SchoolOfficials.Official principal = new SchoolOfficials.Official("principal", "A", "Hiệu trưởng");
        assertThatThrownBy(() -> new SchoolOfficials("79000701", "Trường", List.of(principal, principal)))
                .hasMessageContaining("twice");
        assertThat(SchoolOfficials.homeroomTeacherId("12A1")).isEqualTo("homeroom-12a1");
    }
}

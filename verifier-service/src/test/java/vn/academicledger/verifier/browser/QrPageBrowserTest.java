package vn.academicledger.verifier.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import vn.academicledger.core.proof.Cryptosuite;
import vn.academicledger.documents.DevelopmentDocuments;
import vn.academicledger.documents.render.QrPayload;
import vn.academicledger.ledger.embedded.EmbeddedLedger;
import vn.academicledger.core.access.AccessTokens;
import vn.academicledger.verifier.testing.TestIssuer;

/**
 * Real headless Chromium (Debian's chromium + chromium-driver) opens the QR links of a valid, a
 * revoked and a tampered credential, as a phone would, and keeps screenshots under
 * {@code <build dir>/screenshots}. Skipped, saying so, when chromium or chromedriver is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QrPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path DATA = tempDir("verifier-browser");
    static final Path SCREENSHOTS = Path.of(System.getProperty("verifier.test.artifacts", "target"), "screenshots");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("verifier.data-dir", DATA::toString);
        registry.add("verifier.directory.credentials", () -> DATA.resolve("credentials").toString());
    }

    @LocalServerPort
    int port;
    /** The ledger the service follows, read-only. */
    @Autowired
    EmbeddedLedger ledger;
    /** Its writer: the test writes the ledger as the issuer service would, in a writer of its own. */
    static EmbeddedLedger writer;
    @Autowired
    AccessTokens tokens;

    static TestIssuer issuer;
    static Path profile;
    ChromeDriver browser;

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "SKIPPED: browser test needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
    }

    @AfterAll
    static void removeData() throws IOException {
        if (writer != null) {
            writer.close();
        }
        FileSystemUtils.deleteRecursively(DATA);
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    @BeforeEach
    void open() throws IOException {
        if (issuer == null) {
            writer = EmbeddedLedger.open(ledger.directory());
            issuer = new TestIssuer(writer, DATA.resolve("credentials"));
        }
        profile = tempDir("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--lang=vi-VN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(412, 915)); // a common phone viewport
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String qrUrl(ObjectNode credential) {
        UUID id = TestIssuer.uuidOf(credential);
        return "http://127.0.0.1:" + port + "/v/" + id + "#t=" + tokens.tokenFor(id);
    }

    private WebElement waitForRecord() {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#record.loaded")));
    }

    private String statusOf(String check) {
        return browser.findElement(By.cssSelector("li[data-check='" + check + "']")).getAttribute("class");
    }

    /** The whole page, however long: the window is stretched to the document's height first. */
    private void screenshot(String name) throws IOException {
        Object height = browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(412, Math.max(915, ((Number) height).intValue() + 40)));
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(412, 915));
    }

    @Test
    void a_valid_credential_shows_valid_every_check_passed_and_with_the_token_the_holder() throws IOException {
        ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);

        browser.get(qrUrl(credential));
        WebElement record = waitForRecord();

        assertThat(browser.findElement(By.id("verdict")).getText()).contains("HỢP LỆ").doesNotContain("KHÔNG");
        for (String check : List.of("structure", "proof", "issuer-accredited", "anchored", "not-revoked", "not-expired",
                "results-consistent")) {
            assertThat(statusOf(check)).as(check).contains("passed");
        }
        assertThat(browser.findElement(By.cssSelector("li[data-check='anchored']")).getText())
                .contains("Lô", "Mã giao dịch", "Khối", "Neo lúc");
        assertThat(record.getText()).contains(credential.at("/credentialSubject/fullName").asText(), "Toán");
        screenshot("01-valid-vi");

        browser.findElement(By.linkText("English")).click();
        waitForRecord();
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("VALID");
        assertThat(browser.findElement(By.id("record")).getText()).contains("Mathematics");
        assertThat(browser.getCurrentUrl()).contains("#t=");
        screenshot("02-valid-en");
    }

    @Test
    void a_revoked_credential_shows_not_valid_with_the_revocation() throws IOException {
        ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);
        issuer.revoke(credential, "ISSUED_IN_ERROR");

        browser.get(qrUrl(credential));
        WebElement record = waitForRecord();

        assertThat(browser.findElement(By.id("verdict")).getText()).contains("KHÔNG HỢP LỆ");
        assertThat(statusOf("not-revoked")).contains("failed");
        assertThat(browser.findElement(By.cssSelector("li[data-check='not-revoked']")).getText())
                .contains("Đã bị thu hồi ngày", "ISSUED_IN_ERROR");
        assertThat(statusOf("proof")).contains("passed");
        assertThat(record.getText()).contains("KHÔNG được xác thực");
        screenshot("03-revoked-vi");
    }

    @Test
    void a_tampered_credential_shows_not_valid_naming_the_signature_and_the_ledger() throws IOException {
        ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);
        issuer.write(TestIssuer.withChangedGrade(credential));

        browser.get(qrUrl(credential));
        waitForRecord();

        assertThat(browser.findElement(By.id("verdict")).getText()).contains("KHÔNG HỢP LỆ");
        assertThat(statusOf("proof")).contains("failed");
        assertThat(browser.findElement(By.cssSelector("li[data-check='proof']")).getText()).contains("nội dung đã bị sửa");
        assertThat(statusOf("anchored")).contains("failed");
        screenshot("04-tampered-vi");
    }

    @Test
    void a_forged_token_shows_the_verdict_but_not_the_holder() throws IOException {
        ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);

        browser.get("http://127.0.0.1:" + port + "/v/" + TestIssuer.uuidOf(credential) + "#t=AAAAAAAAAAAAAAAAAAAAAA");
        WebElement record = waitForRecord();

        assertThat(browser.findElement(By.id("verdict")).getText()).contains("HỢP LỆ");
        assertThat(record.getText()).contains("Mã truy cập").doesNotContain(credential.at("/credentialSubject/fullName").asText());
        screenshot("05-forged-token-vi");
    }

    @Test
    void an_uploaded_signed_pdf_shows_valid_with_its_signatures_and_the_record() throws IOException {
        ObjectNode credential = issuer.reportCard(Cryptosuite.EDDSA_JCS_2022);
        UUID id = TestIssuer.uuidOf(credential);
        Path pdf = DATA.resolve(id + ".pdf");
        try (DevelopmentDocuments documents = DevelopmentDocuments.open(DATA)) {
            Files.write(pdf, documents.signedReportCard(issuer.recordOf(credential), credential, java.util.Locale.forLanguageTag("vi"),
                    QrPayload.of("http://127.0.0.1:" + port, id, tokens.tokenFor(id))));
        }

        browser.get("http://127.0.0.1:" + port + "/pdf");
        screenshot("07-pdf-form-vi");
        browser.findElement(By.id("file")).sendKeys(pdf.toString());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));

        assertThat(browser.findElement(By.id("verdict")).getText()).contains("HỢP LỆ").doesNotContain("KHÔNG");
        assertThat(statusOf("pdf-signature")).contains("passed");
        assertThat(statusOf("pdf-credential")).contains("passed");
        assertThat(browser.findElement(By.cssSelector("li[data-check='pdf-signature']")).getText()).contains("Phạm Thị Thanh Hương");
        assertThat(browser.getPageSource()).contains(credential.at("/credentialSubject/fullName").asText());
        screenshot("08-pdf-valid-vi");
    }

    @Test
    void an_unknown_code_shows_a_page_saying_so() throws IOException {
        browser.get("http://127.0.0.1:" + port + "/v/" + UUID.randomUUID());

        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Không tìm thấy văn bản");
        screenshot("06-unknown-code");
    }
}

package vn.academicledger.documents.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * poppler's {@code pdfsig} (Debian package poppler-utils), an independent second validator, and NSS's
 * {@code certutil} (libnss3-tools) to make the throw-away NSS database it trusts roots from.
 */
public final class Pdfsig {
    private Pdfsig() {
    }

    public static boolean installed() {
        return onPath("pdfsig");
    }

    public static boolean certutilInstalled() {
        return onPath("certutil");
    }

    /** An NSS database in {@code dir} that trusts {@code root}; returns the {@code -nssdir} argument. */
    public static String nssDatabaseTrusting(Path dir, X509Certificate root)
            throws IOException, InterruptedException, CertificateEncodingException {
        Path nss = Files.createDirectories(dir.resolve("nss"));
        run(List.of("certutil", "-N", "-d", "sql:" + nss, "--empty-password"));
        Path pem = dir.resolve("root.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(root.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        run(List.of("certutil", "-A", "-d", "sql:" + nss, "-n", "academic-ledger-dev-root", "-t", "C,C,C", "-i", pem.toString()));
        return "sql:" + nss;
    }

    /** Runs pdfsig with {@code options} on {@code pdf} (written to a file in {@code dir}); returns its output. */
    public static String run(Path dir, byte[] pdf, String... options) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "signed-", ".pdf");
        Files.write(file, pdf);
        List<String> command = new ArrayList<>(List.of("pdfsig"));
        command.addAll(List.of(options));
        command.add(file.toString());
        return run(command);
    }

    /** "Signature is Valid." per signature. */
    public static List<String> validations(String output) {
        return output.lines().filter(l -> l.contains("Signature Validation:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).toList();
    }

    /** "Certificate is Trusted." per signature. */
    public static List<String> certificateValidations(String output) {
        return output.lines().filter(l -> l.contains("Certificate Validation:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).toList();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return out;
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}

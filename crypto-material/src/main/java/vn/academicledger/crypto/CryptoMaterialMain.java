package vn.academicledger.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line: generates the Fabric network's MSP/TLS material and the development signing PKI. */
@Command(name = "crypto-material", mixinStandardHelpOptions = true, version = "crypto-material 0.1.0",
        description = {
            "Generates, under --out, the Fabric MSP and TLS material of OrdererMSP, DepartmentMSP and",
            "MinistryMSP (fabric/) and the development PKI for officials' document signatures (dev-pki/).",
            "Existing material is kept; only what is missing or no longer matches its CA is written."})
public final class CryptoMaterialMain implements Callable<Integer> {

    public enum Part { all, fabric, devpki }

    @Option(names = {"-o", "--out"}, description = "output folder (default: ${DEFAULT-VALUE})")
    Path out = Path.of("crypto-material", "generated");

    /**
     * The department's own diploma-issuing office: it anchors the diplomas it issues as any school
     * does, so it needs a Fabric client identity ({@code role=issuer}, {@code schoolCode=79000000});
     * its officials sign under {@code dev-pki/department-ca/}, so it gets no school signing CA.
     */
    public static final String DEPARTMENT_UNIT_CODE = "79000000";

    @Option(names = "--schools", split = ",", description = {
            "unit codes (8 digits) that get Fabric client identities (role=issuer) and, except the department's",
            "own office " + DEPARTMENT_UNIT_CODE + ", school signing CAs (default: ${DEFAULT-VALUE})"})
    List<String> schools = List.of("79000701", "79000702", DEPARTMENT_UNIT_CODE);

    @Option(names = "--only", description = "what to generate: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Part part = Part.all;

    @Option(names = "--force", description = "delete the chosen parts under --out first and generate everything anew")
    boolean force;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CryptoMaterialMain()).execute(args));
    }

    @Override
    public Integer call() {
        for (String code : schools) {
            if (!code.matches("\\d{8}")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "school code must be 8 digits: " + code);
            }
        }
        int written = 0;
        if (part != Part.devpki) {
            Path fabric = out.resolve("fabric");
            if (force) {
                deleteTree(fabric);
            }
            System.out.println("Fabric MSP/TLS material in " + fabric);
            written += new FabricNetworkMaterial(fabric, schools, System.out).generate();
        }
        if (part != Part.fabric) {
            Path devPki = out.resolve("dev-pki");
            if (force) {
                deleteTree(devPki);
            }
            System.out.println("Development signing PKI in " + devPki);
            List<String> schoolsWithSigningCas = schools.stream().filter(code -> !code.equals(DEPARTMENT_UNIT_CODE)).toList();
            written += new DevelopmentPki(devPki, schoolsWithSigningCas, System.out).generate();
        }
        System.out.println(written == 0 ? "Nothing to do: all material present." : written + " item(s) written.");
        return 0;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

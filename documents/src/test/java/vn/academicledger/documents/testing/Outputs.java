package vn.academicledger.documents.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files tests leave for people to look at: under the module's build directory, never in git. */
public final class Outputs {
    private Outputs() {
    }

    public static Path directory() {
        String build = System.getProperty("documents.build.dir", "target");
        Path dir = Path.of(build).resolve("documents-out");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    public static Path write(String name, byte[] bytes) {
        try {
            return Files.write(directory().resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

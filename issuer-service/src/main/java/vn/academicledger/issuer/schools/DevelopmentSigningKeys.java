package vn.academicledger.issuer.schools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.academicledger.core.crypto.Ed25519KeyPair;
import vn.academicledger.core.crypto.SigningKey;
import vn.academicledger.issuer.system.IssuerProperties;

/** Development keys: one owner-only Ed25519 key file per school under the data folder, never in git. */
@Component
class DevelopmentSigningKeys implements SigningKeys {
    private final Path dir;
    private final Map<String, Ed25519KeyPair> loaded = new ConcurrentHashMap<>();

    DevelopmentSigningKeys(IssuerProperties properties) {
        this.dir = properties.issuerDir().resolve("keys");
    }

    @Override
    public SigningKey signingKey(String schoolCode) {
        return loaded.computeIfAbsent(schoolCode, code -> {
            Path file = dir.resolve(code + ".ed25519");
            if (Files.exists(file)) {
                return Ed25519KeyPair.load(file);
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Ed25519KeyPair key = Ed25519KeyPair.generate();
            key.save(file);
            return key;
        });
    }

    @Override
    public synchronized SigningKey rotate(String schoolCode) {
        Path file = dir.resolve(schoolCode + ".ed25519");
        try {
            if (Files.exists(file)) {
                Files.move(file, dir.resolve(schoolCode + ".ed25519.retired-" + Instant.now().toEpochMilli()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loaded.remove(schoolCode);
        return signingKey(schoolCode);
    }
}

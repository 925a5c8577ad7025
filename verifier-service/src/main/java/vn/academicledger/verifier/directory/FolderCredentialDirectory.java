package vn.academicledger.verifier.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.academicledger.core.access.AccessTokens;

/**
 * The embedded {@link CredentialDirectory}: a folder of credential JSON files, as {@code ./ledger demo
 * --out DIR} writes them ({@code <uuid>.json}); files named otherwise are found by a scan of the
 * folder's {@code *.json}, repeated at most every few seconds when an id is not found. A file counts
 * only when its {@code id} is {@code urn:uuid:<uuid>}. Tokens are core's {@link AccessTokens} of the
 * service secret (the same the command line and the documents module use for QR codes). Files are read on every lookup, so a replaced file is served at once.
 */
public final class FolderCredentialDirectory implements CredentialDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(FolderCredentialDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    private static final long RESCAN_NANOS = 5_000_000_000L;

    private final Path folder;
    private final AccessTokens tokens;
    private final Map<UUID, Path> scanned = new ConcurrentHashMap<>();
    private volatile long lastScan = System.nanoTime() - 2 * RESCAN_NANOS;

    public FolderCredentialDirectory(Path folder, AccessTokens tokens) {
        this.folder = folder;
        this.tokens = tokens;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public Optional<ObjectNode> find(UUID credentialId) {
        Optional<ObjectNode> named = read(folder.resolve(credentialId.toString().toLowerCase(Locale.ROOT) + ".json"), credentialId);
        if (named.isPresent()) {
            return named;
        }
        Path known = scanned.get(credentialId);
        if (known == null && rescanDue()) {
            scan();
            known = scanned.get(credentialId);
        }
        return known == null ? Optional.empty() : read(known, credentialId);
    }

    @Override
    public boolean acceptsToken(UUID credentialId, String token) {
        return tokens.accepts(credentialId, token);
    }

    /** Every credential id in the folder (for printing example links). */
    public java.util.List<UUID> ids() {
        scan();
        return scanned.keySet().stream().sorted().toList();
    }

    private boolean rescanDue() {
        long now = System.nanoTime();
        synchronized (this) {
            if (now - lastScan < RESCAN_NANOS) {
                return false;
            }
            lastScan = now;
            return true;
        }
    }

    private void scan() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                idOf(parse(file)).ifPresent(id -> scanned.put(id, file));
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the credential folder {}: {}", folder, e.getMessage());
        }
    }

    private static Optional<ObjectNode> read(Path file, UUID expected) {
        JsonNode json = parse(file);
        if (json instanceof ObjectNode object && idOf(object).filter(expected::equals).isPresent()) {
            return Optional.of(object);
        }
        return Optional.empty();
    }

    private static JsonNode parse(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
                return null;
            }
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            LOG.warn("Skipping {}: not readable JSON ({})", file, e.getMessage());
            return null;
        }
    }

    private static Optional<UUID> idOf(JsonNode json) {
        if (json == null || !json.path("id").isTextual()) {
            return Optional.empty();
        }
        String id = json.get("id").asText();
        if (!id.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id.substring(9)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package kz.qorgau.server.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The server's data directory ({@code QORGAU_DATA_DIR}, default {@code ./data}): the embedded
 * database and, unless configured elsewhere, the keys generated on first start. Key files are
 * created once, readable by the owner only, and never overwritten.
 */
@Component
public final class DataDirectory {

    private final Path root;
    private final SecureRandom random = new SecureRandom();

    DataDirectory(QorgauProperties properties) {
        this.root = properties.dataDir().toAbsolutePath().normalize();
    }

    /** The directory itself. */
    public Path root() {
        return root;
    }

    /**
     * Reads the secret in {@code keys/NAME}, creating it with {@code length} random bytes on first
     * use.
     */
    public byte[] secret(String name, int length) {
        return secretFile(name, () -> {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        });
    }

    /**
     * Reads the file {@code keys/NAME}, creating it with the content {@code initial} supplies on
     * first use. Two processes starting at once agree on one file: creation is atomic.
     */
    public byte[] secretFile(String name, Supplier<byte[]> initial) {
        Path file = root.resolve("keys").resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), name, ".new");
            try {
                restrictToOwner(temp);
                Files.write(temp, initial.get(), StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first; use theirs
            } finally {
                Files.deleteIfExists(temp);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read or create the key file " + file + "; check that QORGAU_DATA_DIR is writable", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies
        }
    }
}

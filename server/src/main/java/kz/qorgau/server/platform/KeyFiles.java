package kz.qorgau.server.platform;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writing key files: readable by the owner only, and never seen half-written — a new file appears
 * whole (written beside it, synced, then linked or moved into place).
 */
final class KeyFiles {

    private KeyFiles() {}

    /** Creates {@code file} with {@code content} unless it exists; another process creating it first wins. */
    static void create(Path file, byte[] content) throws IOException {
        Path temp = temp(file, content);
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // another process created it first; theirs is used
        } catch (UnsupportedOperationException noHardLinks) {
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Replaces {@code file} with {@code content} in one step: readers see the old or the new file. */
    static void replace(Path file, byte[] content) throws IOException {
        Path temp = temp(file, content);
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path temp(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, file.getFileName().toString(), ".new");
        restrictToOwner(temp);
        Files.write(temp, content, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        return temp;
    }

    static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies
        }
    }
}

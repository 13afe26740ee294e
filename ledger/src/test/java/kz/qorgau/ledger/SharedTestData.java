package kz.qorgau.ledger;

import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared development data ({@code shared/}) by walking up from the working directory. */
public final class SharedTestData {

    private SharedTestData() {}

    /** The {@code shared} directory, or aborts the test saying the dev data was not found. */
    public static Path sharedDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared").resolve("data"))) {
                return dir.resolve("shared");
            }
        }
        return abort("the shared dev data (a 'shared/data' directory above "
                + Path.of("").toAbsolutePath() + ") was not found, so the RFC 6962 test vectors can not be read");
    }

    /** The RFC 6962 Merkle vectors directory, or aborts. */
    public static Path merkleVectors() {
        Path vectors = sharedDirectory().resolve("vectors").resolve("rfc6962-merkle");
        if (!Files.isDirectory(vectors)) {
            return abort("the Merkle test vectors were not found at " + vectors);
        }
        return vectors;
    }
}

package kz.qorgau.signals.ads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Finds the shared development data by walking up from the working directory. */
final class DevData {

    private DevData() {}

    static Optional<Path> find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path data = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(data)) {
                return Optional.of(data);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** The file, or the test is aborted with a message saying the dev data was not found. */
    static Path file(String name) {
        Optional<Path> data = find();
        Assumptions.assumeTrue(
                data.isPresent(),
                "the dev data was not found: no directory shared/data above "
                        + Path.of("").toAbsolutePath());
        Path file = data.orElseThrow().resolve(name);
        Assumptions.assumeTrue(Files.isReadable(file), "the dev data file " + file + " is missing");
        return file;
    }
}

package kz.qorgau.signals.school;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/** Finds the shared development data by walking up from the working directory. */
final class DevData {

    private DevData() {}

    /** {@code shared/data/school-dev}, or aborts the test saying the dev data was not found. */
    static Path schoolDev() {
        Path dir = Path.of("").toAbsolutePath();
        for (@Nullable Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/data/school-dev");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort("the dev data was not found: no shared/data/school-dev above " + dir);
        throw new AssertionError("unreachable");
    }
}

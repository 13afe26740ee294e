package kz.qorgau.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class EveryCorePackageIsNullMarkedTest {

    @Test
    void everyPackageHasAPackageInfoWithNullMarkedAndJavadoc() throws IOException {
        Path sources = Path.of("src", "main", "java");
        if (!Files.isDirectory(sources)) {
            Assumptions.abort(
                    "core's main sources not found from " + Path.of("").toAbsolutePath());
        }
        List<String> problems = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(sources)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> files = Files.list(dir)) {
                    hasJava = files.anyMatch(f -> f.toString().endsWith(".java"));
                }
                if (!hasJava) {
                    continue;
                }
                Path info = dir.resolve("package-info.java");
                if (!Files.exists(info)) {
                    problems.add(dir + " has no package-info.java");
                    continue;
                }
                String text = Files.readString(info);
                if (!text.contains("@NullMarked") || !text.contains("/**")) {
                    problems.add(info + " lacks @NullMarked or a Javadoc sentence");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}

package kz.qorgau.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Time is an input: the domain never reads the system clock, and it never sees Spring, JDBC or JPA.
 * Core has no ArchUnit dependency, so the rule reads the sources; each rule is shown to fire on a
 * deliberately violating line.
 */
class CoreNeverReadsTheSystemClockTest {

    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Year|YearMonth)"
                    + "\\s*\\.\\s*now\\s*\\("),
            Pattern.compile("\\bSystem\\s*\\.\\s*(currentTimeMillis|nanoTime)\\s*\\("),
            Pattern.compile("\\bClock\\s*\\.\\s*system"),
            Pattern.compile(
                    "^import\\s+(static\\s+)?(org\\.springframework|java\\.sql|javax\\.sql|jakarta\\.persistence)\\b"));

    @Test
    void noMainSourceReadsTheClockOrImportsAFramework() throws IOException {
        Path sources = Path.of("src", "main", "java");
        if (!Files.isDirectory(sources)) {
            Assumptions.abort("core's main sources not found from "
                    + Path.of("").toAbsolutePath() + "; run the test from the core module directory");
        }
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (violates(lines.get(i))) {
                        violations.add(
                                file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyRuleFiresOnAViolatingLine() {
        assertThat(violates("Instant due = Instant.now().plusSeconds(3600);")).isTrue();
        assertThat(violates("var today = LocalDate .now();")).isTrue();
        assertThat(violates("long t = System.currentTimeMillis();")).isTrue();
        assertThat(violates("Clock clock = Clock.systemUTC();")).isTrue();
        assertThat(violates("import org.springframework.stereotype.Service;")).isTrue();
        assertThat(violates("import java.sql.Timestamp;")).isTrue();
        assertThat(violates("public Instant escalate(Instant now, CaseworkRules rules) {"))
                .isFalse();
    }

    private static boolean violates(String line) {
        String code = line.strip();
        if (code.startsWith("*") || code.startsWith("//")) {
            return false;
        }
        return FORBIDDEN.stream().anyMatch(p -> p.matcher(code).find());
    }
}

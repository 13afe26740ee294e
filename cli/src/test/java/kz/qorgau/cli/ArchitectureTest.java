package kz.qorgau.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies of DESIGN.md §3: the libraries ({@code ledger}, {@code core},
 * {@code signals}) never see Spring, JDBC, JPA, the server or the CLI; {@code ledger} sees nothing but
 * the JDK; the server never sees the CLI. Each rule is also run against a fixture that breaks it
 * ({@code *.archfixture} in this module's tests), so that a rule that could never fail is noticed.
 */
class ArchitectureTest {

    private static JavaClasses production;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        // The other modules' classes arrive as jars (from ~/.m2) or directories (in a reactor build).
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/archfixture/"))
                .importPackages("kz.qorgau");
        fixtures = new ClassFileImporter()
                .withImportOption(location -> location.contains("/archfixture/"))
                .importPackages("kz.qorgau");
    }

    static final ArchRule LIBRARIES_DO_NOT_USE_FRAMEWORKS = noClasses()
            .that()
            .resideInAnyPackage("kz.qorgau.ledger..", "kz.qorgau.core..", "kz.qorgau.signals..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..", "jakarta.servlet..")
            .because("the libraries are pure Java; the server adapts them (DESIGN.md §3)");

    static final ArchRule LIBRARIES_DO_NOT_USE_SERVER_OR_CLI = noClasses()
            .that()
            .resideInAnyPackage("kz.qorgau.ledger..", "kz.qorgau.core..", "kz.qorgau.signals..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("kz.qorgau.server..", "kz.qorgau.cli..", "kz.qorgau.bench..")
            .because("dependencies point from the applications to the libraries, never back");

    static final ArchRule LEDGER_DEPENDS_ON_THE_JDK_ONLY = classes()
            .that()
            .resideInAPackage("kz.qorgau.ledger..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("kz.qorgau.ledger..", "java..", "javax.crypto..", "org.jspecify..")
            .because("anyone must be able to verify the ledger with nothing but a JDK");

    static final ArchRule CORE_STANDS_ALONE = noClasses()
            .that()
            .resideInAPackage("kz.qorgau.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("kz.qorgau.ledger..", "kz.qorgau.signals..")
            .because("each library stands alone; the server joins them");

    static final ArchRule SIGNALS_STANDS_ALONE = noClasses()
            .that()
            .resideInAPackage("kz.qorgau.signals..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("kz.qorgau.ledger..", "kz.qorgau.core..")
            .because("each library stands alone; the server joins them");

    static final ArchRule SERVER_DOES_NOT_USE_CLI = noClasses()
            .that()
            .resideInAPackage("kz.qorgau.server..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("kz.qorgau.cli..", "kz.qorgau.bench..")
            .because("the CLI starts the server, not the other way round");

    static final ArchRule LIBRARIES_DO_NOT_READ_THE_CLOCK = noClasses()
            .that()
            .resideInAnyPackage("kz.qorgau.ledger..", "kz.qorgau.core..", "kz.qorgau.signals..")
            .should()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(java.time.LocalDate.class, "now")
            .orShould()
            .callMethod(java.time.LocalDateTime.class, "now")
            .orShould()
            .callMethod(java.time.ZonedDateTime.class, "now")
            .orShould()
            .callMethod(java.time.OffsetDateTime.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(java.time.Clock.class, "systemUTC")
            .orShould()
            .callMethod(java.time.Clock.class, "systemDefaultZone")
            .because("time is an input: only the composition root reads the system clock");

    static final List<ArchRule> RULES = List.of(
            LIBRARIES_DO_NOT_USE_FRAMEWORKS,
            LIBRARIES_DO_NOT_USE_SERVER_OR_CLI,
            LEDGER_DEPENDS_ON_THE_JDK_ONLY,
            CORE_STANDS_ALONE,
            SIGNALS_STANDS_ALONE,
            SERVER_DOES_NOT_USE_CLI,
            LIBRARIES_DO_NOT_READ_THE_CLOCK);

    @Test
    void everyModuleIsOnTheClasspath() {
        for (String module : List.of("ledger", "core", "signals", "server", "cli")) {
            assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith("kz.qorgau." + module)))
                    .as("classes of module %s were imported", module)
                    .isTrue();
        }
    }

    @Test
    void theProductionCodeKeepsEveryRule() {
        for (ArchRule rule : RULES) {
            rule.allowEmptyShould(false).check(production);
        }
    }

    @Test
    void everyRuleFailsOnItsViolatingFixture() {
        for (ArchRule rule : RULES) {
            EvaluationResult result = rule.evaluate(fixtures);
            assertThat(result.hasViolation())
                    .as("rule fails on its fixture: %s", rule.getDescription())
                    .isTrue();
        }
    }
}

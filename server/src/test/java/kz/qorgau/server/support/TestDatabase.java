package kz.qorgau.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The database an integration test runs on, chosen by the system property
 * {@code qorgau.test.database} ({@code h2}, the default, or {@code postgresql}), which the two
 * failsafe executions set. Each Spring context gets a database of its own: a fresh H2 file, or a
 * fresh schema in the PostgreSQL test database given by {@code QORGAU_TEST_PG_URL},
 * {@code QORGAU_TEST_PG_USER} and {@code QORGAU_TEST_PG_PASSWORD} ({@code .ci/run} sets them).
 *
 * <p>Without those variables the PostgreSQL run is skipped with a message, unless
 * {@code QORGAU_TEST_REQUIRE_POSTGRESQL=true} (as on CI), when it fails.
 */
public final class TestDatabase
        implements ApplicationContextInitializer<ConfigurableApplicationContext>, ExecutionCondition {

    /** Which database this JVM's integration tests use. */
    public static String kind() {
        return System.getProperty("qorgau.test.database", "h2").toLowerCase(Locale.ROOT);
    }

    public static boolean isPostgres() {
        return kind().equals("postgresql");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!isPostgres()) {
            return ConditionEvaluationResult.enabled("running on H2");
        }
        if (System.getenv("QORGAU_TEST_PG_URL") != null) {
            return ConditionEvaluationResult.enabled("running on PostgreSQL at " + System.getenv("QORGAU_TEST_PG_URL"));
        }
        if ("true".equalsIgnoreCase(System.getenv("QORGAU_TEST_REQUIRE_POSTGRESQL"))) {
            throw new IllegalStateException(
                    "QORGAU_TEST_REQUIRE_POSTGRESQL=true but QORGAU_TEST_PG_URL is not set: the PostgreSQL run cannot start");
        }
        String reason = "NOT RUN ON POSTGRESQL: set QORGAU_TEST_PG_URL, QORGAU_TEST_PG_USER and"
                + " QORGAU_TEST_PG_PASSWORD (as .ci/run does) to run the integration tests on PostgreSQL too";
        System.out.println("[qorgau] " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>(properties());
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("qorgau-test-database", properties));
    }

    /** Properties for a fresh, private database and data directory. */
    public static Map<String, String> properties() {
        Path dataDir = newDataDirectory();
        Map<String, String> properties = new HashMap<>();
        properties.put("qorgau.data-dir", dataDir.toString());
        // The test context cache keeps up to spring.test.context.cache.maxSize servers alive at
        // once (src/test/resources/spring.properties); small pools keep them within PostgreSQL's
        // default max_connections of 100.
        properties.put("spring.datasource.hikari.maximum-pool-size", "5");
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        if (isPostgres()) {
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            String url = System.getenv("QORGAU_TEST_PG_URL");
            properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            properties.put("spring.datasource.username", env("QORGAU_TEST_PG_USER", "qorgau_test"));
            properties.put("spring.datasource.password", env("QORGAU_TEST_PG_PASSWORD", "qorgau_test"));
            properties.put("spring.flyway.schemas", schema);
            properties.put("spring.flyway.default-schema", schema);
            properties.put("spring.flyway.create-schemas", "true");
        } else {
            properties.put(
                    "spring.datasource.url",
                    "jdbc:h2:file:" + dataDir.resolve("db").resolve("qorgau")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        }
        return properties;
    }

    public static Path newDataDirectory() {
        try {
            return Files.createTempDirectory("qorgau-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}

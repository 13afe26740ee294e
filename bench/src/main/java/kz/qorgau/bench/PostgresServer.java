package kz.qorgau.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.server.QorgauApplication;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Qorgau server (without its web server) on a fresh schema of a PostgreSQL database, for the
 * benchmarks that measure the database: {@code QORGAU_BENCH_PG_URL}, {@code _USER},
 * {@code _PASSWORD} (or the test database's {@code QORGAU_TEST_PG_*}, as {@code .ci/run} sets them).
 * The simulation clock is on; the background sweeps are slowed to an hour so that only the benchmark
 * drives them.
 */
public final class PostgresServer {

    private PostgresServer() {}

    /** The JDBC URL to use, or null when no PostgreSQL is configured. */
    public static @Nullable String url() {
        String url = System.getenv("QORGAU_BENCH_PG_URL");
        return url != null ? url : System.getenv("QORGAU_TEST_PG_URL");
    }

    /** Why the PostgreSQL figures are missing, for the figures themselves. */
    public static String notConfigured() {
        return "not measured: set QORGAU_BENCH_PG_URL, QORGAU_BENCH_PG_USER and QORGAU_BENCH_PG_PASSWORD";
    }

    /** Starts the server on a new schema; the caller closes it. */
    public static ConfigurableApplicationContext start(Map<String, String> extra) {
        String url = url();
        if (url == null) {
            throw new IllegalStateException(notConfigured());
        }
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String user = env("QORGAU_BENCH_PG_USER", env("QORGAU_TEST_PG_USER", "qorgau_test"));
        String password = env("QORGAU_BENCH_PG_PASSWORD", env("QORGAU_TEST_PG_PASSWORD", "qorgau_test"));
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema,
                "--spring.flyway.create-schemas=true",
                "--qorgau.data-dir=" + tempDirectory(),
                "--qorgau.simulation.enabled=true",
                "--qorgau.casework.sweep-interval=1h",
                "--qorgau.ledger.checkpoint-interval=1h",
                "--qorgau.notify.dispatch-enabled=false",
                "--logging.level.root=warn",
                "--spring.main.banner-mode=off"));
        extra.forEach((key, value) -> args.add("--" + key + "=" + value));
        SpringApplication application = new SpringApplication(QorgauApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        return application.run(args.toArray(String[]::new));
    }

    private static String tempDirectory() {
        try {
            return Files.createTempDirectory("qorgau-bench-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}

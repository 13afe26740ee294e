package kz.qorgau.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qorgau demo}: the server on a fresh demo database with the organisations and staff of one
 * region, a few reports, and the simulation clock enabled.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start the server on a fresh demo database (Kyzylorda region: schools, education department,",
            "police, prosecutor, social services, Commissioner, NGO, 111 helpline) with the simulation clock.",
            "Prints the logins; --credentials-out also writes them, with an API token each, as JSON."
        })
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE})", defaultValue = "8080")
    int port;

    @Option(names = "--credentials-out", paramLabel = "FILE", description = "write logins, passwords and tokens here")
    @Nullable
    Path credentialsOut;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "where the demo database lives (default: a new temporary directory)")
    @Nullable
    Path dataDir;

    @Override
    public Integer call() throws IOException {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("qorgau-demo-");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(port));
        properties.put("qorgau.data-dir", dir.toAbsolutePath().toString());
        // The demo never touches a configured production database.
        properties.put(
                "spring.datasource.url",
                "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db").resolve("qorgau")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        properties.put("spring.datasource.username", "qorgau");
        properties.put("spring.datasource.password", "");
        properties.put("qorgau.simulation.enabled", "true");
        properties.put("qorgau.demo.enabled", "true");
        if (credentialsOut != null) {
            properties.put(
                    "qorgau.demo.credentials-out",
                    credentialsOut.toAbsolutePath().toString());
        }
        System.err.println("qorgau demo: data in " + dir.toAbsolutePath());
        ServerLauncher.serve(properties);
        return ServeCommand.KEEP_RUNNING;
    }
}

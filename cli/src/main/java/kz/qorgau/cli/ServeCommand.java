package kz.qorgau.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code qorgau serve}: the server, on an embedded H2 database under {@code ./data}
 * ({@code QORGAU_DATA_DIR}) or on PostgreSQL when {@code SPRING_DATASOURCE_URL} is set.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Start the Qorgau server.",
            "Database: embedded H2 under ./data (move it with QORGAU_DATA_DIR), or PostgreSQL when",
            "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD are set."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE})", defaultValue = "8080")
    int port;

    @Override
    public Integer call() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(port));
        ServerLauncher.serve(properties);
        return KEEP_RUNNING;
    }

    /** Picocli's exit code for "the server keeps running in its own threads". */
    static final int KEEP_RUNNING = Integer.MIN_VALUE;
}

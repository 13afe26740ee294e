package kz.qorgau.server.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.qorgau.server.QorgauApplication;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.TestDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An acknowledged report survives a crash: the server is a separate process, killed with SIGKILL
 * right after it answered 201, then started again on the same data directory. The report is there,
 * and the case that its event opens is opened after the restart if the crash came first.
 */
class ReportSurvivesCrashIT {

    @Test
    void anAcknowledgedReportSurvivesAKillAndRestart() throws Exception {
        if (TestDatabase.isPostgres()) {
            String reason = "runs on the embedded H2 database only: PostgreSQL's durability is PostgreSQL's own";
            System.out.println("[qorgau] ReportSurvivesCrashIT NOT RUN ON POSTGRESQL: " + reason);
            abort(reason);
        }
        Path dataDir = TestDatabase.newDataDirectory();
        int port = freePort();

        Process first = start(dataDir, port);
        String reference;
        String receipt;
        try {
            awaitHealthy(port, first);
            Http.Response response = new Http(port)
                    .postJson(
                            "/api/v1/reports",
                            Http.json(Map.of("categories", List.of("neglect"), "narrative", "Пережить сбой.")));
            assertThat(response.status()).isEqualTo(201);
            reference = response.json().get("reference").asString();
            receipt = response.json().get("receipt").asString();
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush
            first.waitFor(30, TimeUnit.SECONDS);
        }

        Process second = start(dataDir, port);
        try {
            awaitHealthy(port, second);
            // The case is opened from the stored event, after the restart if the kill came first.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        Http.Response status = new Http(port).get("/api/v1/reporter/case", "X-Receipt", receipt);
                        return status.status() == 200
                                && !status.json().get("caseReference").isNull();
                    });
        } finally {
            second.destroy(); // SIGTERM: a normal shutdown
            if (!second.waitFor(60, TimeUnit.SECONDS)) {
                second.destroyForcibly();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }

        try (Connection db = DriverManager.getConnection(
                        "jdbc:h2:file:" + dataDir.resolve("db").resolve("qorgau")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "qorgau",
                        "");
                PreparedStatement query = db.prepareStatement("select case_id from report where reference = ?")) {
            query.setString(1, reference);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next())
                        .as("the acknowledged report %s is stored", reference)
                        .isTrue();
                assertThat(rs.getObject(1)).as("its case was opened").isNotNull();
            }
        }
    }

    private static Process start(Path dataDir, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                QorgauApplication.class.getName(),
                "--server.port=" + port,
                "--qorgau.data-dir=" + dataDir,
                "--logging.level.root=warn"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        dataDir.resolve("server-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private static void awaitHealthy(int port, Process process) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .failFast("the server process exited", () -> !process.isAlive())
                .until(() -> new Http(port).get("/actuator/health").status() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

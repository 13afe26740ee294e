package kz.qorgau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * {@code qorgau ledger verify} on a real embedded database: intact after real traffic, broken at the
 * index of a changed row, and a malformed outside checkpoint rejected.
 */
class LedgerVerifyCommandIT {

    private static Path dataDir;
    private static String checkpoint;

    @BeforeAll
    static void runAServerAndStopIt() throws Exception {
        dataDir = Files.createTempDirectory("qorgau-verify-");
        ConfigurableApplicationContext server = ServerLauncher.serve(Map.of(
                "server.port", "0",
                "qorgau.data-dir", dataDir.toString(),
                "logging.level.root", "warn"));
        try {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"categories\":[\"neglect\"],\"narrative\":\"report " + i + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(201);
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ledgerHasAtLeastTenEntries(port));
            checkpoint = http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ledger/checkpoint"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } finally {
            server.close();
        }
        System.setProperty("qorgau.data-dir", dataDir.toString());
    }

    @AfterAll
    static void forgetTheDataDirectory() {
        System.clearProperty("qorgau.data-dir");
    }

    private static boolean ledgerHasAtLeastTenEntries(int port) throws Exception {
        HttpResponse<String> note = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/ledger/proofs/consistency?from=1&to=10"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return note.statusCode() == 200;
    }

    private record Run(int exit, String out) {}

    private static Run verify(String... extra) {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new QorgauCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(out, true));
        String[] args = new String[extra.length + 2];
        args[0] = "ledger";
        args[1] = "verify";
        System.arraycopy(extra, 0, args, 2, extra.length);
        return new Run(command.execute(args), out.toString());
    }

    private static void sql(String... statements) throws Exception {
        try (Connection db = DriverManager.getConnection(
                        "jdbc:h2:file:" + dataDir.resolve("db").resolve("qorgau")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "qorgau",
                        "");
                Statement statement = db.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @Test
    void anIntactLedgerVerifiesAndSoDoesTheCheckpointAWitnessKept() throws Exception {
        Path witness = Files.writeString(dataDir.resolve("witness.txt"), checkpoint);
        Run run = verify("--checkpoint", witness.toString());
        assertThat(run.out()).contains("ledger intact");
        assertThat(run.exit()).isZero();
    }

    @Test
    void aChangedRowFailsAtItsIndexAndTheExitCodeSaysSo() throws Exception {
        sql(
                "drop trigger ledger_entries_append_only",
                "update ledger_entries set entry = entry || X'00' where idx = 2");
        try {
            Run run = verify();
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).contains("BROKEN at index 2");
        } finally {
            sql(
                    "update ledger_entries set entry = substring(entry from 1 for octet_length(entry) - 1) where idx = 2",
                    "create trigger ledger_entries_append_only before update, delete on ledger_entries"
                            + " for each row call 'kz.qorgau.server.audit.RefuseChangeTrigger'");
        }
        assertThat(verify().exit()).isZero();
    }

    @Test
    void aMalformedOutsideCheckpointIsRejectedWithAReason() throws Exception {
        Path bad = Files.writeString(dataDir.resolve("bad.txt"), "qorgau.example.kz/ledger\nnot-a-number\n\n— x y\n");
        Run run = verify("--checkpoint", bad.toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).contains("bad.txt");
    }
}

package kz.qorgau.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.qorgau.server.attachments.Multipart;
import kz.qorgau.server.attachments.Samples;
import kz.qorgau.server.intake.Reports;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import kz.qorgau.server.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Raw storage holds no plaintext: a report whose every personal field, attachment (content and name)
 * and message carries a unique marker is filed through the public API, then the database's own files
 * (H2: the {@code .mv.db} file and everything else in the data directory, after a checkpoint) or a
 * {@code pg_dump} of the test's schema (PostgreSQL) are searched for the marker, as text, as UTF-16 and
 * (for PostgreSQL's {@code bytea}) as hex. A control marker written in clear into a probe table proves
 * that the search would find it.
 */
@QorgauIntegrationTest
class RawStorageHoldsNoPlaintextIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataDirectory dataDirectory;

    @Autowired
    Reports reports;

    private final String marker = "QMARK" + UUID.randomUUID().toString().replace("-", "");
    private final String control = "QCTRL" + UUID.randomUUID().toString().replace("-", "");

    /**
     * A date cannot carry the marker: a random one, searched for as written (ISO and dd.MM.yyyy); the
     * columns that could hold it must be sealed bytes, since H2 stores a {@code date} in binary.
     */
    private final LocalDate birthDate =
            LocalDate.of(2009, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(6 * 365));

    @Test
    void noPersonalDataIsFoundInTheDatabaseFilesOrADump() throws Exception {
        Http http = new Http(port);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("childName", "Child " + marker);
        report.put("childAge", 15);
        report.put("childBirthDate", birthDate.toString());
        report.put("school", "School " + marker);
        report.put("city", "City " + marker);
        report.put("categories", List.of("sexual-exploitation"));
        report.put("narrative", "Narrative " + marker);
        report.put("since", "Since " + marker);
        report.put("anonymous", false);
        report.put("reporterName", "Reporter " + marker);
        report.put("contact", "+7 700 000 " + marker);
        report.put("refusedBy", "Refused by " + marker);
        report.put("threatenedBy", "Threatened by " + marker);
        Http.Response filed = http.postJson("/api/v1/reports", Http.json(report));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String receipt = filed.json().get("receipt").asString();

        Multipart files = new Multipart()
                .file("file", "scan-" + marker + ".png", "image/png", Samples.withText(Samples.png(16, 16), marker))
                .file("file", "letter-" + marker + ".pdf", "application/pdf", Samples.pdf(marker))
                .file("file", "voice-" + marker + ".mp3", "audio/mpeg", Samples.mp3(marker, 3))
                .file("file", "note-" + marker + ".wav", "audio/wav", Samples.wav(marker, 100));
        Http.Response attached =
                http.post("/api/v1/reporter/attachments", files.contentType(), files.bytes(), "X-Receipt", receipt);
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);

        UUID reportId = reports.byReceipt(receipt).orElseThrow().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> reports.caseOf(reportId), Optional::isPresent);
        Http.Response message = http.postJson(
                "/api/v1/reporter/messages", Http.json(Map.of("body", "Message " + marker)), "X-Receipt", receipt);
        assertThat(message.status()).as(message.body()).isEqualTo(201);

        jdbc.sql("create table raw_storage_probe (v varchar(100), b bytea)").update();
        jdbc.sql("insert into raw_storage_probe (v, b) values (?, ?)")
                .params("text " + control, ("bytes " + control).getBytes(StandardCharsets.UTF_8))
                .update();

        List<Searched> searched = TestDatabase.isPostgres() ? dump() : h2Files();
        searched.addAll(dataDirectoryFiles());

        assertThat(searched.stream().anyMatch(s -> found(s.bytes(), "text " + control)))
                .as("the control marker written in clear is found (the search works)")
                .isTrue();
        for (Searched s : searched) {
            assertThat(found(s.bytes(), marker))
                    .as("the marker in %s", s.name())
                    .isFalse();
            assertThat(found(s.bytes(), birthDate.toString())
                            || found(s.bytes(), birthDate.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))))
                    .as("the child's date of birth in %s", s.name())
                    .isFalse();
        }
        assertThat(jdbc.sql("""
                        select column_name, data_type from information_schema.columns
                        where lower(table_name) = 'report' and lower(column_name) like '%birth%'""")
                        .query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
                        .list())
                .as("the report's date-of-birth columns are sealed bytes")
                .isNotEmpty()
                .allMatch(column -> column.toLowerCase(java.util.Locale.ROOT).matches(".* (bytea|binary varying)"));
    }

    private record Searched(String name, byte[] bytes) {}

    private static boolean found(byte[] haystack, String needle) {
        return Samples.contains(haystack, needle.getBytes(StandardCharsets.UTF_8))
                || Samples.contains(haystack, needle.getBytes(StandardCharsets.UTF_16LE))
                || Samples.contains(haystack, needle.getBytes(StandardCharsets.UTF_16BE))
                || Samples.contains(
                        haystack,
                        HexFormat.of()
                                .formatHex(needle.getBytes(StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.US_ASCII));
    }

    /** H2 writes everything committed to its file once checkpointed. */
    private List<Searched> h2Files() {
        jdbc.sql("checkpoint sync").update();
        return new ArrayList<>();
    }

    /** Every file under the data directory: the H2 database and its trace, the keys. */
    private List<Searched> dataDirectoryFiles() throws IOException {
        List<Searched> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDirectory.root())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.add(new Searched(file.toString(), Files.readAllBytes(file)));
            }
        }
        if (!TestDatabase.isPostgres()) {
            assertThat(out).as("the H2 database file").anyMatch(s -> s.name().endsWith(".mv.db"));
        }
        return out;
    }

    /** A plain-text dump of the test's schema, as an operator's backup would be. */
    private List<Searched> dump() throws IOException, InterruptedException {
        String schema = jdbc.sql("select current_schema()").query(String.class).single();
        String url = System.getenv("QORGAU_TEST_PG_URL");
        String user = Optional.ofNullable(System.getenv("QORGAU_TEST_PG_USER")).orElse("qorgau_test");
        String password =
                Optional.ofNullable(System.getenv("QORGAU_TEST_PG_PASSWORD")).orElse("qorgau_test");
        String uri = url.replaceFirst("^jdbc:", "").replaceFirst("\\?.*$", "");
        Path out = Files.createTempFile("qorgau-dump-", ".sql");
        ProcessBuilder builder;
        try {
            builder = new ProcessBuilder(
                            "pg_dump",
                            "--schema=" + schema,
                            "--no-owner",
                            "--no-privileges",
                            "--username=" + user,
                            "--file=" + out,
                            "--dbname=" + uri)
                    .redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", password);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS))
                    .as("pg_dump finished")
                    .isTrue();
            assertThat(process.exitValue()).as("pg_dump: " + output).isZero();
        } catch (IOException notInstalled) {
            Assumptions.abort("RAW STORAGE NOT CHECKED ON POSTGRESQL: pg_dump is not installed (install"
                    + " postgresql-client of the server's major version)");
        }
        byte[] bytes = Files.readAllBytes(out);
        Files.delete(out);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("CREATE TABLE " + schema + ".report");
        List<Searched> searched = new ArrayList<>();
        searched.add(new Searched("pg_dump --schema=" + schema, bytes));
        return searched;
    }
}

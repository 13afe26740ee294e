package kz.qorgau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TxScreenCommandTest {

    private static final String HEADER =
            "id,timestamp,from_account,to_account,amount,currency,channel,from_phone,to_phone,merchant_category,memo,city";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new TxCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    /** Three minors' accounts paid at night by many clients and emptied before dawn into one account. */
    private static List<String> ring() {
        Random random = new Random(42);
        List<String> rows = new ArrayList<>();
        OffsetDateTime monday = OffsetDateTime.parse("2026-03-02T00:00:00+05:00");
        int id = 0;
        for (int d = 0; d < 28; d++) {
            for (int girl = 1; girl <= 3; girl++) {
                long received = 0;
                for (int c = 0; c < 3; c++) {
                    long amount = 9_000 + random.nextInt(15_000);
                    OffsetDateTime when = monday.plusDays(d).withHour(21 + c).withMinute(random.nextInt(60));
                    rows.add("t" + id++ + "," + when + ",CLIENT" + random.nextInt(300) + ",GIRL" + girl + "," + amount
                            + ",KZT,p2p,+7701" + (1000000 + random.nextInt(8999999)) + ",+770100000" + girl
                            + ",,,Almaty");
                    received += amount;
                }
                OffsetDateTime dawn = monday.plusDays(d + 1).withHour(4).withMinute(girl * 5);
                rows.add("t" + id++ + "," + dawn + ",GIRL" + girl + ",COLLECTOR," + received * 9 / 10
                        + ",KZT,p2p,+770100000" + girl + ",+77019999999,,,Almaty");
            }
        }
        rows.sort((a, b) -> a.split(",")[1].compareTo(b.split(",")[1]));
        rows.add(0, HEADER);
        return rows;
    }

    @Test
    void writesOneJsonLinePerAlertedAccountAndExitsZero() throws Exception {
        Path file = Files.write(dir.resolve("tx.csv"), ring());

        int exit = run("screen", file.toString());

        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("{\"account\":\"COLLECTOR\",\"typology\":\"collector\"")
                        .contains("\"linked\":[\"GIRL"));
        assertThat(lines)
                .filteredOn(l -> l.contains("\"typology\":\"pass-through\""))
                .hasSize(3);
        assertThat(lines)
                .allSatisfy(l -> assertThat(l).contains("\"rules\":[{\"rule\":", "\"evidence\":", "\"score\":"));
        assertThat(err.toString()).contains("0 rows rejected");
    }

    @Test
    void rejectedRowsAreNamedWithFileAndLineAndTheExitCodeSaysSo() throws Exception {
        List<String> rows = ring();
        rows.add(5, "bad,2026-02-30T10:00:00+05:00,A,B,100,KZT,p2p,,,,,");
        rows.add(9, "bad2,2026-03-02T10:00:00+05:00,A,B,100,QQQ,p2p,,,,,");
        Path file = Files.write(dir.resolve("tx.csv"), rows);

        int exit = run("screen", file.toString());

        assertThat(exit).isEqualTo(TxScreenCommand.ROWS_REJECTED);
        assertThat(err.toString())
                .contains(file + ":6: rejected: timestamp '2026-02-30T10:00:00+05:00'")
                .contains(file + ":10: rejected: currency 'QQQ'")
                .contains("2 rows rejected");
        assertThat(out.toString()).contains("\"typology\":\"collector\"");
    }

    @Test
    void aWrongHeaderMakesTheFileUnreadable() throws Exception {
        Path file = Files.writeString(dir.resolve("tx.csv"), "a,b,c\n1,2,3\n");

        assertThat(run("screen", file.toString())).isEqualTo(TxScreenCommand.UNREADABLE);
        assertThat(err.toString()).contains(":1: cannot continue: wrong header");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThat(run("screen", dir.resolve("nope.csv").toString())).isEqualTo(TxScreenCommand.UNREADABLE);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void theAccountsFileAndJsonLinesAreRead() throws Exception {
        List<String> json = new ArrayList<>();
        for (String row : ring().subList(1, ring().size())) {
            String[] f = row.split(",", -1);
            json.add(String.format(
                    "{\"id\":\"%s\",\"timestamp\":\"%s\",\"from_account\":\"%s\",\"to_account\":\"%s\",\"amount\":%s,"
                            + "\"currency\":\"%s\",\"channel\":\"%s\",\"from_phone\":\"%s\",\"to_phone\":\"%s\",\"city\":\"%s\"}",
                    f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[11]));
        }
        Path file = Files.write(dir.resolve("tx.data"), json);
        Path accounts = Files.writeString(
                dir.resolve("accounts.csv"),
                "account,holder_birth_date,holder_phone,opened_at,kind\nGIRL1,2010-01-01,,2025-12-01,personal\n");
        Path clusters = dir.resolve("clusters.jsonl");

        int exit = run("screen", "--accounts", accounts.toString(), "--clusters", clusters.toString(), file.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("\"account\":\"GIRL1\"");
        assertThat(Files.readString(clusters)).contains("\"collectors\":[\"COLLECTOR\"]", "\"flows\":[{");
    }

    @Test
    void aBadRulesFileIsNamed() throws Exception {
        Path file = Files.write(dir.resolve("tx.csv"), ring());
        Path rules = Files.writeString(dir.resolve("rules.json"), "{\"alert\":{\"minScore\":7}}");

        assertThat(run("screen", "--rules", rules.toString(), file.toString())).isEqualTo(TxScreenCommand.UNREADABLE);
        assertThat(err.toString()).contains("alert.minScore");
    }
}

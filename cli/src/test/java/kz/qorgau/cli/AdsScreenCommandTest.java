package kz.qorgau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AdsScreenCommandTest {

    static final List<String> ADS = List.of(
            "{\"id\":\"a1\",\"source\":\"site-a\",\"postedAt\":\"2026-03-24T13:02:00+05:00\",\"city\":\"Astana\","
                    + "\"title\":\"Айя, Компания на вечер\",\"text\":\"Айя. 16 лет. Компания на вечер, Астана. пиши в"
                    + " ватсап: 8 7 7 7 8 1 7 3 6 0 3 tg @rose_4531\"}",
            "{\"id\":\"a2\",\"source\":\"site-b\",\"postedAt\":\"2026-04-02T20:00:00+05:00\",\"city\":\"Almaty\","
                    + "\"title\":\"Лаура\",\"text\":\"Лаура. мне 30. Компания на вечер, Алматы. пиши: восемь семь семь"
                    + " семь восемь один семь три шесть ноль три\"}",
            "this line is not JSON",
            "{\"id\":\"c1\",\"source\":\"classifieds\",\"city\":\"Shymkent\",\"title\":\"Форма\",\"text\":\"Продам"
                    + " школьную форму для девочки, 10-11 лет, Шымкент. Тел 8(776)942-60-12\"}");

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine command = new CommandLine(new AdsCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    List<JsonNode> lines() {
        JsonMapper json = JsonMapper.builder().build();
        return out.toString().lines().map(json::readTree).toList();
    }

    @Test
    void writesOneJsonLinePerAdAndNamesTheRejectedLine() throws Exception {
        Path file = Files.write(dir.resolve("ads.jsonl"), ADS);

        int exit = run("screen", file.toString());

        assertThat(exit).isEqualTo(AdsCommand.LINES_REJECTED);
        assertThat(err.toString()).contains("line 3: not valid JSON").contains("3 ads screened, 1 flagged");
        List<JsonNode> lines = lines();
        assertThat(lines).extracting(l -> l.get("id").stringValue()).containsExactly("a1", "a2", "c1");

        JsonNode minor = lines.get(0);
        assertThat(minor.get("phones").get(0).stringValue()).isEqualTo("+77778173603");
        assertThat(minor.get("handles").get(0).stringValue()).isEqualTo("@rose_4531");
        assertThat(minor.get("ages").get(0).intValue()).isEqualTo(16);
        JsonNode risk = minor.get("minorRisk");
        assertThat(risk.get("flag").booleanValue()).isTrue();
        assertThat(risk.get("score").doubleValue()).isBetween(0.0, 1.0);
        assertThat(risk.get("reasons").get(0).get("rule").stringValue()).isEqualTo("stated-age-under-18");
        assertThat(risk.get("reasons").get(0).get("evidence").stringValue()).isEqualTo("16 лет");

        // a2 spells out the same number: the two ads are one cluster.
        assertThat(lines.get(1).get("phones").get(0).stringValue()).isEqualTo("+77778173603");
        assertThat(lines.get(1).get("cluster").stringValue())
                .isEqualTo(minor.get("cluster").stringValue());
        assertThat(lines.get(1).get("minorRisk").get("flag").booleanValue()).isFalse();

        JsonNode classified = lines.get(2);
        assertThat(classified.get("minorRisk").get("flag").booleanValue()).isFalse();
        assertThat(classified
                        .get("minorRisk")
                        .get("context")
                        .get("companionship")
                        .booleanValue())
                .isFalse();
        assertThat(classified.get("cluster").stringValue())
                .isNotEqualTo(minor.get("cluster").stringValue());
    }

    @Test
    void readsStandardInputForADash() throws Exception {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((ADS.get(0) + "\n").getBytes(StandardCharsets.UTF_8)));
            assertThat(run("screen", "-")).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(lines())
                .singleElement()
                .satisfies(l -> assertThat(l.get("id").stringValue()).isEqualTo("a1"));
    }

    @Test
    void anIndicatorFileFromTheCommandLineIsUsedAndItsErrorsReported() throws Exception {
        Path file = Files.write(dir.resolve("ads.jsonl"), List.of(ADS.get(1)));
        Path indicators = Files.writeString(
                dir.resolve("indicators.csv"),
                "type,rule,lang,pattern,weight,requires,note\n"
                        + "meta,format,,qorgau-ad-indicators/1,,,\n"
                        + "meta,version,,ngo-7,,,\n"
                        + "setting,flag-threshold,,0.5,,,\n"
                        + "setting,context-threshold,,1,,,\n"
                        + "context,companionship,ru,компания на вечер,1,,\n"
                        + "age,thirty,,30-30,0.6,,test rule\n");
        assertThat(run("screen", "--indicators", indicators.toString(), file.toString()))
                .isZero();
        JsonNode risk = lines().get(0).get("minorRisk");
        assertThat(risk.get("indicators").stringValue()).isEqualTo("ngo-7");
        assertThat(risk.get("reasons").get(0).get("rule").stringValue()).isEqualTo("thirty");

        Files.writeString(indicators, "type,rule,lang,pattern,weight,requires,note\nbogus,x,,y,1,,\n");
        assertThat(run("screen", "--indicators", indicators.toString(), file.toString()))
                .isEqualTo(AdsCommand.UNREADABLE);
        assertThat(err.toString()).contains("line 2").contains("unknown type 'bogus'");
    }

    @Test
    void aMissingFileIsReportedWithExitCodeTwo() {
        assertThat(run("screen", dir.resolve("missing.jsonl").toString())).isEqualTo(AdsCommand.UNREADABLE);
        assertThat(err.toString()).contains("file not found");
    }
}

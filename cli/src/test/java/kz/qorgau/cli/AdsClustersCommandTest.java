package kz.qorgau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AdsClustersCommandTest {

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

    @Test
    void writesOneLinePerClusterWithTheEvidenceOfEachLink() throws Exception {
        Path file = Files.write(dir.resolve("ads.jsonl"), AdsScreenCommandTest.ADS);

        int exit = run("clusters", file.toString());

        assertThat(exit).isEqualTo(AdsCommand.LINES_REJECTED);
        List<JsonNode> lines = out.toString()
                .lines()
                .map(JsonMapper.builder().build()::readTree)
                .toList();
        assertThat(lines).singleElement().satisfies(cluster -> {
            assertThat(cluster.get("cluster").stringValue()).matches("C-[0-9a-f]{12}");
            assertThat(cluster.get("size").intValue()).isEqualTo(2);
            assertThat(cluster.get("cities").toString()).contains("Astana", "Almaty");
            assertThat(cluster.get("firstPostedAt").stringValue()).startsWith("2026-03-24");
            assertThat(cluster.get("lastPostedAt").stringValue()).startsWith("2026-04-02");
            JsonNode evidence = cluster.get("links").get(0).get("evidence").get(0);
            assertThat(evidence.get("kind").stringValue()).isEqualTo("phone");
            assertThat(evidence.get("value").stringValue()).isEqualTo("+77778173603");
            assertThat(cluster.get("flaggedAds").toString()).contains("a1");
        });
        assertThat(err.toString()).contains("line 3");
    }

    @Test
    void aContactInTooManyAdsIsReportedAndNotUsed() throws Exception {
        List<String> ads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ads.add("{\"id\":\"s" + i + "\",\"text\":\"Поддержка сайта 8 700 000 00 00. Анкета " + i + "\"}");
        }
        Path file = Files.write(dir.resolve("ads.jsonl"), ads);

        assertThat(run("clusters", "--max-ads-per-contact", "3", file.toString()))
                .isZero();

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("ignored phone +77000000000: found in 5 ads (limit 3)");
    }

    @Test
    void minSizeOneWritesEveryAd() throws Exception {
        Path file = Files.write(dir.resolve("ads.jsonl"), List.of(AdsScreenCommandTest.ADS.get(3)));
        assertThat(run("clusters", "--min-size", "1", file.toString())).isZero();
        assertThat(out.toString().lines()).hasSize(1);
    }
}

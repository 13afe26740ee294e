package kz.qorgau.signals.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdReaderTest {

    private static final String GOOD = "{\"id\":\"a1\",\"source\":\"site-a\",\"url\":\"https://example.invalid/1\","
            + "\"postedAt\":\"2026-03-24T13:02:00+05:00\",\"city\":\"Astana\",\"title\":\"Айя\",\"text\":\"Айя. мне 25.\"}";

    private static List<AdLine> read(String input) throws IOException {
        return AdReader.standard().readAll(new StringReader(input));
    }

    private static String rejection(AdLine line) {
        assertThat(line).isInstanceOf(AdLine.Rejected.class);
        return ((AdLine.Rejected) line).reason();
    }

    @Test
    void aWellFormedLineIsAnAd() throws IOException {
        AdLine line = read(GOOD).get(0);
        assertThat(line).isInstanceOf(AdLine.Accepted.class);
        Ad ad = ((AdLine.Accepted) line).ad();
        assertThat(ad.id()).isEqualTo("a1");
        assertThat(ad.postedAt()).isNotNull();
        assertThat(ad.postedAt().getOffset().getTotalSeconds()).isEqualTo(5 * 3600);
        assertThat(ad.city()).isEqualTo("Astana");
    }

    @Test
    void badLinesAreRejectedWithTheirLineNumbersAndTheRestIsRead() throws IOException {
        String input = String.join(
                "\n",
                GOOD,
                "{not json",
                "{\"text\":\"no id\"}",
                "[1,2]",
                "",
                "{\"id\":\"a2\",\"text\":7}",
                "{\"id\":\"a3\",\"text\":\"ok\",\"postedAt\":\"yesterday\"}",
                "{\"id\":\"a4\",\"text\":\"ok\",\"images\":[{\"pdq\":\"xyz\"}]}",
                "{\"id\":\"a1\",\"text\":\"again\"}",
                "{\"id\":\"a5\",\"text\":\"ok\"} trailing",
                "{\"id\":\"a6\",\"text\":\"fine\",\"images\":[{\"pdq\":\"" + "ab".repeat(32) + "\"}]}");
        List<AdLine> lines = read(input);
        assertThat(lines).extracting(AdLine::lineNumber).containsExactly(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(lines.get(0)).isInstanceOf(AdLine.Accepted.class);
        assertThat(rejection(lines.get(1))).startsWith("not valid JSON");
        assertThat(rejection(lines.get(2))).contains("missing field \"id\"");
        assertThat(rejection(lines.get(3))).contains("one JSON object per line");
        assertThat(rejection(lines.get(4))).contains("\"text\" must be a string");
        assertThat(rejection(lines.get(5))).contains("ISO-8601");
        assertThat(rejection(lines.get(6))).contains("images[0].pdq");
        assertThat(rejection(lines.get(7))).contains("already used on line 1");
        assertThat(rejection(lines.get(8))).startsWith("not valid JSON");
        assertThat(lines.get(9)).isInstanceOf(AdLine.Accepted.class);
        assertThat(((AdLine.Accepted) lines.get(9)).ad().images()).hasSize(1);
    }

    @Test
    void anAdOverOneHundredKilobytesIsRejectedNotTruncated() throws IOException {
        String big = "я".repeat(AdReader.MAX_TEXT_BYTES / 2 + 1); // two bytes each in UTF-8
        String reason =
                rejection(read("{\"id\":\"big\",\"text\":\"" + big + "\"}").get(0));
        assertThat(reason).contains("over the limit of 102400").contains("rejected, not truncated");
        assertThat(read("{\"id\":\"ok\",\"text\":\"" + "я".repeat(AdReader.MAX_TEXT_BYTES / 2) + "\"}")
                        .get(0))
                .isInstanceOf(AdLine.Accepted.class);
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedAndTheNextLineIsRead() throws IOException {
        String input = "x".repeat(AdReader.MAX_LINE_CHARS + 10) + "\n" + GOOD;
        List<AdLine> lines = read(input);
        assertThat(rejection(lines.get(0))).contains("over " + AdReader.MAX_LINE_CHARS);
        assertThat(lines.get(1)).isInstanceOf(AdLine.Accepted.class);
        assertThat(lines.get(1).lineNumber()).isEqualTo(2);
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreAccepted() throws IOException {
        List<AdLine> lines = read("\uFEFF" + GOOD + "\r\n" + GOOD.replace("a1", "a2") + "\r\n");
        assertThat(lines).allMatch(l -> l instanceof AdLine.Accepted);
        assertThat(lines).hasSize(2);
    }
}

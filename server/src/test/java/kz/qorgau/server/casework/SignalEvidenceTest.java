package kz.qorgau.server.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalEvidenceTest {

    @Test
    void nestedEvidenceBecomesLabelledLinesWithoutTheSummaryOrSource() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("source", "ads");
        detail.put("summary", "Online ad screening: …");
        detail.put("ad", Map.of("url", "https://example.invalid/a/1"));
        detail.put("matched", List.of(Map.of("kind", "phone"), Map.of("kind", "nickname")));
        detail.put("phones", List.of("+77011234567", "+77017654321"));
        detail.put("empty", List.of());

        assertThat(SignalEvidence.of(detail))
                .containsExactly(
                        new SignalEvidence.Line("ad › url", "https://example.invalid/a/1"),
                        new SignalEvidence.Line("matched 1 › kind", "phone"),
                        new SignalEvidence.Line("matched 2 › kind", "nickname"),
                        new SignalEvidence.Line("phones", "+77011234567, +77017654321"));
    }

    @Test
    void aVeryLongEvidenceIsCutWithACountOfWhatIsLeft() {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < SignalEvidence.MAX_LINES + 5; i++) {
            detail.put("k" + i, i);
        }
        List<SignalEvidence.Line> lines = SignalEvidence.of(detail);
        assertThat(lines).hasSize(SignalEvidence.MAX_LINES + 1);
        assertThat(lines.getLast()).isEqualTo(new SignalEvidence.Line("…", "+5"));
    }
}

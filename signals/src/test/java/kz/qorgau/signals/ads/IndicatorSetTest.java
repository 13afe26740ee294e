package kz.qorgau.signals.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class IndicatorSetTest {

    private static final String HEAD = "type,rule,lang,pattern,weight,requires,note\n"
            + "meta,format,,qorgau-ad-indicators/1,,,\n"
            + "meta,version,,test-1,,,\n"
            + "setting,flag-threshold,,0.5,,,\n"
            + "setting,context-threshold,,1,,,\n";

    private static IndicatorSet parse(String rows) throws Exception {
        return IndicatorSet.parse(new StringReader(HEAD + rows), "test.csv");
    }

    @Test
    void theBundledFileLoadsWithItsVersionAndRules() {
        IndicatorSet bundled = IndicatorSet.bundled();
        assertThat(bundled.version()).isNotBlank();
        assertThat(bundled.flagThreshold()).isEqualTo(0.5);
        assertThat(bundled.rules())
                .contains(
                        "stated-age-under-18",
                        "stated-age-at-legal-edge",
                        "school-reference",
                        "youth-term",
                        "just-turned-18",
                        "emoji-code",
                        "explicit-minor");
    }

    @Test
    void aMinimalFileLoads() throws Exception {
        IndicatorSet set = parse("phrase,school,ru,школьниц*,0.8,,\n");
        assertThat(set.version()).isEqualTo("test-1");
        assertThat(set.rules()).containsExactly("school");
    }

    @Test
    void anUnknownTypeIsReportedWithItsLine() {
        assertThatThrownBy(() -> parse("rule,school,ru,школьница,0.8,,\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.csv, line 6")
                .hasMessageContaining("unknown type 'rule'");
    }

    @Test
    void aWeightOutOfRangeIsReported() {
        assertThatThrownBy(() -> parse("phrase,school,ru,школьница,1.5,,\n"))
                .hasMessageContaining("line 6")
                .hasMessageContaining("outside 0.0..1.0");
    }

    @Test
    void aWeightWithACommaIsReportedWithTheFix() {
        assertThatThrownBy(() -> parse("phrase,school,ru,школьница,\"0,8\",,\n"))
                .hasMessageContaining("with a dot");
    }

    @Test
    void aConditionOnAnUnknownRuleIsReported() {
        assertThatThrownBy(() -> parse("phrase,edge,ru,18,0.5,youth,\n"))
                .hasMessageContaining("requires names rule 'youth'");
    }

    @Test
    void aMalformedPhraseIsReportedWithItsLine() {
        assertThatThrownBy(() -> parse("phrase,youth,ru,юн*,0.2,,\n"))
                .hasMessageContaining("line 6")
                .hasMessageContaining("at least 3 letters");
    }

    @Test
    void aMissingFormatRowIsReported() {
        assertThatThrownBy(() -> IndicatorSet.parse(
                        new StringReader("type,rule,lang,pattern,weight,requires,note\nmeta,version,,1,,,\n"), "x.csv"))
                .hasMessageContaining("meta,format");
    }

    @Test
    void aFormatFromTheFutureIsRefused() {
        assertThatThrownBy(() -> parse("meta,format,,qorgau-ad-indicators/9,,,\n"))
                .hasMessageContaining("not one this version of Qorgau reads");
    }
}

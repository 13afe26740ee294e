package kz.qorgau.signals.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SchoolSignalsConfigTest {

    static String bundledText() throws IOException {
        try (var in = SchoolSignalsConfig.class.getResourceAsStream(SchoolSignalsConfig.BUNDLED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBundledConfigurationIsVersionedAndWeighsEveryObservationKindOfTheIssue() {
        SchoolSignalsConfig config = SchoolSignalsConfig.bundled();

        assertThat(config.version()).isEqualTo("school-signals/1");
        assertThat(config.families().get("observations"))
                .contains(
                        "nights-away",
                        "behaviour-change",
                        "older-associates",
                        "unexplained-money-or-gifts",
                        "new-phone",
                        "picked-up-by-unknown-adults",
                        "self-harm",
                        "substance-use");
        assertThat(config.isObservationKind("nights-away")).isTrue();
        assertThat(config.isObservationKind(Signal.ABSENCE_RISE)).isFalse();
    }

    @Test
    void aMisspeltThresholdFailsLoudlyNamingTheField() throws IOException {
        String text = bundledText().replace("\"minLikelihoodRatio\"", "\"minLikelihoodRatoi\"");

        assertThatThrownBy(() ->
                        SchoolSignalsConfig.fromJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absenceRise")
                .hasMessageContaining("minLikelihoodRat");
    }

    @Test
    void aWeightedKindOutsideEveryFamilyIsRejected() throws IOException {
        String text = bundledText().replace("\"self-harm\": 0.5,", "\"self-harm\": 0.5, \"astrology\": 0.1,");

        assertThatThrownBy(() ->
                        SchoolSignalsConfig.fromJson(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("astrology");
    }
}

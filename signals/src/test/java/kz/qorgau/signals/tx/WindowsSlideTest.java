package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.MONDAY;
import static kz.qorgau.signals.tx.TxScenario.alertFor;
import static kz.qorgau.signals.tx.TxScenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Windows slide: a window is {@code panes} panes long and a new one ends at every pane boundary, so
 * a pattern no longer than {@code panes − 1} panes lies wholly inside some window wherever it starts.
 */
class WindowsSlideTest {

    /**
     * One client a night for two weeks from day 7, passed on before dawn: seven nights fall in each of
     * the two 14-day panes (the boundary is day 14), below every rule's minimum in either of them.
     */
    private static TxScenario burstAcrossAPaneBoundary() {
        TxScenario scenario = new TxScenario(21).ordinaryLife("pimp", 0, 35);
        scenario.holder("girl", LocalDate.of(2010, 5, 5));
        for (int day = 7; day < 21; day++) {
            long amount = 14_000 + 250L * (day % 5);
            scenario.transfer("client-" + day, "girl", amount, at(day, 23, 15));
            scenario.transfer("girl", "pimp", amount * 9 / 10, at(day + 1, 3, 40));
        }
        return scenario;
    }

    @Test
    void aPatternAcrossAPaneBoundaryIsSeenWholeInTheWindowThatCoversBothPanes() {
        ScreeningReport report = burstAcrossAPaneBoundary().screen();

        Alert alert = alertFor(report, "girl");
        assertThat(alert.typology()).isEqualTo(Typology.PASS_THROUGH);
        assertThat(alert.windowStart()).isEqualTo(MONDAY);
        assertThat(alert.windowEnd()).isEqualTo(MONDAY.plusDays(28));
        assertThat((int) TxScenario.hit(report, "girl", "rapid-pass-through")
                        .facts()
                        .get("inflowTransfers"))
                .isEqualTo(14);
    }

    @Test
    void theSamePatternCutByWindowsThatDoNotOverlapIsMissed() {
        ScreeningRules tumbling = ScreeningRules.defaults().overriddenBy("{\"window\":{\"panes\":1}}");

        ScreeningReport report = burstAcrossAPaneBoundary().screen(tumbling);

        assertThat(report.alerts()).extracting(Alert::account).doesNotContain("girl");
    }

    @Test
    void aWeeklySlideFindsItInA28DayWindowStartingOnAnyMonday() {
        ScreeningRules weekly = ScreeningRules.defaults().overriddenBy("{\"window\":{\"pane\":\"P7D\",\"panes\":4}}");

        ScreeningReport weeklyReport = burstAcrossAPaneBoundary().screen(weekly);
        ScreeningReport fortnightly = burstAcrossAPaneBoundary().screen();

        Alert alert = alertFor(weeklyReport, "girl");
        assertThat(alert.typology()).isEqualTo(Typology.PASS_THROUGH);
        assertThat(Duration.between(alert.windowStart(), alert.windowEnd())).isEqualTo(Duration.ofDays(28));
        assertThat(Duration.between(MONDAY, alert.windowStart()).toDays() % 7).isZero();
        assertThat(weeklyReport.counts().windowsEvaluated())
                .isGreaterThan(fortnightly.counts().windowsEvaluated());
    }

    @Test
    void aPaneLongerThan62DaysIsRefusedByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ScreeningRules.defaults().overriddenBy("{\"window\":{\"pane\":\"P63D\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window.pane must be at most 62 days");
    }
}

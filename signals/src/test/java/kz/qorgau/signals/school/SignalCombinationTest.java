package kz.qorgau.signals.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalCombinationTest {

    static final SchoolSignalsConfig CONFIG = SchoolSignalsConfig.bundled();
    static final LocalDate DAY = LocalDate.of(2026, 2, 2);

    static Signal rise(double strength) {
        return new Signal(
                Signal.ABSENCE_RISE,
                strength,
                0,
                new Evidence.AbsenceRise(DAY, null, DAY, DAY, 50, 2, 20, 10, 0, 0, 30, 0.05, 30));
    }

    static Signal weekday(double strength) {
        return new Signal(
                Signal.WEEKDAY_PATTERN,
                strength,
                0,
                new Evidence.WeekdayAbsence(DayOfWeek.MONDAY, 8, 30, 0.05, 1e-6, List.of(DAY)));
    }

    static Signal decline(double strength) {
        return new Signal(
                Signal.GRADE_DECLINE, strength, 0, new Evidence.GradeDecline(DAY, 40, 20, 1, 5, 8, List.of()));
    }

    static Signal observed(String kind, int times) {
        List<ObservationRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < times; i++) {
            records.add(new ObservationRecord("s", DAY.plusDays(i), kind, ""));
        }
        return new Signal(kind, 1, 0, new Evidence.Observed(kind, records));
    }

    static double score(Signal... signals) {
        return SignalCombination.of(List.of(signals), CONFIG).score();
    }

    @Test
    void independentKindsScoreHigherThanTwoKindsOfTheSameFamily() {
        assertThat(score(rise(0.6), decline(0.6))).isGreaterThan(score(rise(0.6), weekday(1)));
    }

    @Test
    void twoDifferentObservationsScoreHigherThanTheSameObservationRepeated() {
        double repeated = score(observed("behaviour-change", 4));
        double different = score(observed("behaviour-change", 1), observed("nights-away", 1));

        assertThat(different).isGreaterThan(repeated);
        assertThat(repeated).isGreaterThan(score(observed("behaviour-change", 1)));
    }

    @Test
    void repeatsHaveDiminishingReturnsAndStayBelowTheThresholdAlone() {
        assertThat(score(observed("behaviour-change", 20))).isLessThan(CONFIG.flagThreshold());
    }

    @Test
    void aWeakExcusedRunAloneIsNeverFlagged() {
        Signal run = new Signal(
                Signal.LONG_EXCUSED_ABSENCE, 1, 0, new Evidence.LongExcusedAbsence(DAY, DAY.plusDays(20), 15));

        assertThat(score(run)).isLessThan(CONFIG.flagThreshold());
    }

    @Test
    void contributionsAreReportedLargestFirstAndCombineToTheScore() {
        SignalCombination combination = SignalCombination.of(List.of(weekday(1), rise(1), decline(1)), CONFIG);

        assertThat(combination.signals()).extracting(Signal::kind).first().isEqualTo(Signal.ABSENCE_RISE);
        double miss = 1;
        for (Signal s : combination.signals()) {
            miss *= 1 - s.contribution();
        }
        assertThat(combination.score()).isCloseTo(1 - miss, org.assertj.core.data.Offset.offset(1e-12));
    }
}

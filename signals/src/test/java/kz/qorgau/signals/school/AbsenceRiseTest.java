package kz.qorgau.signals.school;

import static kz.qorgau.signals.school.SchoolFixture.options;
import static kz.qorgau.signals.school.SchoolFixture.signal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class AbsenceRiseTest {

    static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 2);
    static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    @Test
    void aStudentWhoIsAlwaysOftenAbsentIsNotAChange() {
        ScanReport report = new SchoolFixture(1)
                .classmates(25)
                .student("often", SchoolFixture.awayOnDays(0.35), SchoolFixture.steady(3.5))
                .scanListingAll(options());

        assertThat(signal(report, "often", Signal.ABSENCE_RISE)).isEmpty();
        assertThat(new SchoolFixture(1)
                        .classmates(25)
                        .student("often", SchoolFixture.awayOnDays(0.35), SchoolFixture.steady(3.5))
                        .scan(options())
                        .flagged())
                .extracting(FlaggedStudent::student)
                .doesNotContain("often");
    }

    @Test
    void aStudentWhoseAbsencesRiseInOneMonthIsAChangeDatedToThatMonth() {
        ScanReport report = new SchoolFixture(2)
                .classmates(25)
                .student("rising", SchoolFixture.rising(MARCH_1, MARCH_31, 0.03, 0.6), SchoolFixture.steady(4))
                .scanListingAll(options().withAsOf(MARCH_31));

        Signal rise = signal(report, "rising", Signal.ABSENCE_RISE).orElseThrow();
        var evidence = (Evidence.AbsenceRise) rise.evidence();
        assertThat(Math.abs(ChronoUnit.DAYS.between(MARCH_1, evidence.changeDate())))
                .isLessThanOrEqualTo(14);
        assertThat(evidence.rateBefore()).isLessThan(0.1);
        assertThat(evidence.rateAfter()).isGreaterThan(0.4);
        assertThat(evidence.lastDay()).isEqualTo(MARCH_31);
        assertThat(evidence.summary())
                .contains("Unexcused absence rose", evidence.changeDate().toString());
    }

    @Test
    void aRiseAfterTheAsOfDateIsNotKnownYet() {
        LocalDate april = LocalDate.of(2026, 4, 1);
        var fixture = new SchoolFixture(3)
                .classmates(25)
                .student(
                        "later",
                        SchoolFixture.rising(april, LocalDate.of(2026, 5, 31), 0.03, 0.6),
                        SchoolFixture.steady(4));

        ScanReport inMarch = fixture.scanListingAll(options().withAsOf(LocalDate.of(2026, 3, 20)));

        assertThat(signal(inMarch, "later", Signal.ABSENCE_RISE)).isEmpty();
        assertThat(inMarch.counts().rowsAfterAsOf()).isPositive();
        assertThat(inMarch.rejected()).isEmpty();
    }

    @Test
    void excusedAbsenceIsNotUnexcusedAbsenceButALongRunIsNotedWeakly() {
        ScanReport report = new SchoolFixture(4)
                .classmates(25)
                .student(
                        "ill",
                        SchoolFixture.illBetween(
                                LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 27), SchoolFixture.awayOnDays(0.03)),
                        SchoolFixture.steady(4))
                .scanListingAll(options());

        assertThat(signal(report, "ill", Signal.ABSENCE_RISE)).isEmpty();
        Signal run = signal(report, "ill", Signal.LONG_EXCUSED_ABSENCE).orElseThrow();
        assertThat(((Evidence.LongExcusedAbsence) run.evidence()).schoolDays()).isEqualTo(20);
        assertThat(SchoolFixture.student(report, "ill").orElseThrow().score())
                .isLessThan(SchoolSignalsConfig.bundled().flagThreshold());
    }

    @Test
    void aWholeClassAwayTogetherIsNotOneStudentsChange() {
        var fixture = new SchoolFixture(5);
        for (int i = 0; i < 20; i++) {
            fixture.student("k" + i, SchoolFixture.rising(MARCH_1, MARCH_31, 0.03, 0.6), SchoolFixture.steady(4));
        }

        ScanReport report = fixture.scanListingAll(options().withAsOf(MARCH_31));

        assertThat(report.flagged().stream().flatMap(f -> f.signals().stream()))
                .extracting(Signal::kind)
                .doesNotContain(Signal.ABSENCE_RISE);
    }

    @Test
    void aRiseConfinedToOneMonthIsDatedWithItsStartAndItsEnd() {
        ScanReport report = new SchoolFixture(6)
                .classmates(25)
                .student("march", SchoolFixture.rising(MARCH_1, MARCH_31, 0.03, 0.7), SchoolFixture.steady(4))
                .scanListingAll(options());

        var evidence = (Evidence.AbsenceRise)
                signal(report, "march", Signal.ABSENCE_RISE).orElseThrow().evidence();
        assertThat(Math.abs(ChronoUnit.DAYS.between(MARCH_1, evidence.changeDate())))
                .isLessThanOrEqualTo(14);
        assertThat(evidence.endDate()).isNotNull();
        assertThat(Math.abs(ChronoUnit.DAYS.between(MARCH_31, evidence.endDate())))
                .isLessThanOrEqualTo(14);
        assertThat(evidence.rateAfter()).isGreaterThan(0.4);
        assertThat(evidence.summary()).contains("fell back");
    }
}

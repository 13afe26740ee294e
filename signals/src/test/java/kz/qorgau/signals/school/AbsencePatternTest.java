package kz.qorgau.signals.school;

import static kz.qorgau.signals.school.SchoolFixture.options;
import static kz.qorgau.signals.school.SchoolFixture.signal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

class AbsencePatternTest {

    @Test
    void repeatedAbsenceOnTheSameWeekdayIsAPattern() {
        ScanReport report = new SchoolFixture(11)
                .classmates(25)
                .student("mondays", SchoolFixture.weekday(DayOfWeek.MONDAY, 0.6, 0.03), SchoolFixture.steady(4))
                .scanListingAll(options());

        Signal pattern = signal(report, "mondays", Signal.WEEKDAY_PATTERN).orElseThrow();
        var evidence = (Evidence.WeekdayAbsence) pattern.evidence();
        assertThat(evidence.weekday()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(evidence.dates()).allMatch(d -> d.getDayOfWeek() == DayOfWeek.MONDAY);
        assertThat(evidence.summary()).contains("Mondays");
    }

    @Test
    void absenceSpreadOverTheWeekIsNoWeekdayPattern() {
        ScanReport report = new SchoolFixture(12)
                .classmates(25)
                .student("spread", SchoolFixture.awayOnDays(0.2), SchoolFixture.steady(4))
                .scanListingAll(options());

        assertThat(signal(report, "spread", Signal.WEEKDAY_PATTERN)).isEmpty();
    }

    @Test
    void repeatedlyMissingTheFirstLessonIsAPattern() {
        ScanReport report = new SchoolFixture(13)
                .classmates(25)
                .student("mornings", SchoolFixture.singleLessons(0.25, true), SchoolFixture.steady(4))
                .scanListingAll(options());

        Signal pattern = signal(report, "mornings", Signal.FIRST_LESSON_PATTERN).orElseThrow();
        var evidence = (Evidence.FirstLessonAbsence) pattern.evidence();
        assertThat(evidence.missedFirstLessons()).isGreaterThan((int) (2 * evidence.expected()));
        assertThat(evidence.summary()).contains("first lesson");
    }

    @Test
    void singleLessonsMissedAtRandomAreNoFirstLessonPattern() {
        ScanReport report = new SchoolFixture(14)
                .classmates(25)
                .student("random", SchoolFixture.singleLessons(0.25, false), SchoolFixture.steady(4))
                .scanListingAll(options());

        assertThat(signal(report, "random", Signal.FIRST_LESSON_PATTERN)).isEmpty();
    }
}

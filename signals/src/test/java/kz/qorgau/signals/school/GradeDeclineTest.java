package kz.qorgau.signals.school;

import static kz.qorgau.signals.school.SchoolFixture.options;
import static kz.qorgau.signals.school.SchoolFixture.signal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradeDeclineTest {

    static final LocalDate FEBRUARY = LocalDate.of(2026, 2, 2);

    @Test
    void oneBadMarkIsNotADecline() {
        ScanReport report = new SchoolFixture(21)
                .classmates(25)
                .student("onebad", SchoolFixture.awayOnDays(0.03), SchoolFixture.steady(4.5))
                .extraMark("onebad", LocalDate.of(2026, 3, 4), "math", 2)
                .scanListingAll(options());

        assertThat(signal(report, "onebad", Signal.GRADE_DECLINE)).isEmpty();
    }

    @Test
    void oneSubjectFallingIsNotADeclineAcrossSubjects() {
        ScanReport report = new SchoolFixture(22)
                .classmates(25)
                .student(
                        "physics",
                        SchoolFixture.awayOnDays(0.03),
                        SchoolFixture.falling(4.5, FEBRUARY, 2, List.of("physics")))
                .scanListingAll(options());

        assertThat(signal(report, "physics", Signal.GRADE_DECLINE)).isEmpty();
    }

    @Test
    void severalSubjectsFallingIsADeclineWithItsDateAndSubjects() {
        List<String> falling = List.of("math", "kazakh", "russian", "english", "history", "biology");
        ScanReport report = new SchoolFixture(23)
                .classmates(25)
                .student("decline", SchoolFixture.awayOnDays(0.03), SchoolFixture.falling(4.5, FEBRUARY, 1.5, falling))
                .scanListingAll(options());

        Signal decline = signal(report, "decline", Signal.GRADE_DECLINE).orElseThrow();
        var evidence = (Evidence.GradeDecline) decline.evidence();
        assertThat(Math.abs(ChronoUnit.DAYS.between(FEBRUARY, evidence.changeDate())))
                .isLessThanOrEqualTo(14);
        assertThat(evidence.falling())
                .extracting(Evidence.SubjectDrop::subject)
                .isSubsetOf(falling)
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(evidence.falling()).allMatch(s -> s.meanAfter() < s.meanBefore());
        assertThat(evidence.summary()).contains("Marks fell relative to the class");
    }

    @Test
    void aHardMonthForTheWholeClassIsNotAStudentsDecline() {
        var fixture = new SchoolFixture(24);
        for (int i = 0; i < 20; i++) {
            fixture.student(
                    "k" + i,
                    SchoolFixture.awayOnDays(0.03),
                    SchoolFixture.falling(4.3, FEBRUARY, 1.5, SchoolFixture.SUBJECTS));
        }

        ScanReport report = fixture.scanListingAll(options());

        assertThat(report.flagged().stream().flatMap(f -> f.signals().stream()))
                .extracting(Signal::kind)
                .doesNotContain(Signal.GRADE_DECLINE);
    }
}

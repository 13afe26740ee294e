package kz.qorgau.core.calendar;

import static kz.qorgau.core.Almaty.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** N working days from a moment end at 24:00 of the N-th working day after the moment's day. */
class WorkingDaysCountFromTheDayAfterTest {

    private final WorkingCalendar calendar = WorkingCalendar.kazakhstan();

    @Test
    void oneWorkingDayFromMondayMorningEndsAtMidnightAfterTuesday() {
        assertThat(calendar.addWorkingDays(at("2026-02-09T10:00"), 1)).isEqualTo(at("2026-02-11T00:00"));
    }

    @Test
    void theTimeOfDayOfTheMomentDoesNotMatter() {
        assertThat(calendar.addWorkingDays(at("2026-02-09T00:01"), 3))
                .isEqualTo(calendar.addWorkingDays(at("2026-02-09T23:59"), 3))
                .isEqualTo(at("2026-02-13T00:00"));
    }

    @Test
    void aMomentOnAWeekendCountsFromTheNextWorkingDay() {
        assertThat(calendar.addWorkingDays(at("2026-02-14T12:00"), 1)).isEqualTo(at("2026-02-17T00:00"));
    }

    @Test
    void zeroWorkingDaysIsTheMomentItself() {
        assertThat(calendar.addWorkingDays(at("2026-02-14T12:00"), 0)).isEqualTo(at("2026-02-14T12:00"));
    }

    @Test
    void holidaysAndDaysOffAreSkipped() {
        // 2 March 2026 + 15 working days: 9 March (Women's Day on a Sunday) and 23-25 March (Nauryz) are off.
        assertThat(calendar.addWorkingDays(at("2026-03-02T11:00"), 15)).isEqualTo(at("2026-03-28T00:00"));
    }
}

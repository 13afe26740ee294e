package kz.qorgau.core.calendar;

import static kz.qorgau.core.Almaty.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeadlineCrossingNewYearTest {

    private final WorkingCalendar calendar = WorkingCalendar.kazakhstan();

    @Test
    void skipsNewYearAndTheWeekendAfterIt() {
        // 30 Dec 2025 + 3: 31 Dec, then 1-2 Jan holidays, 3-4 Jan weekend, 5 Jan, 6 Jan.
        assertThat(calendar.addWorkingDays(at("2025-12-30T10:00"), 3)).isEqualTo(at("2026-01-07T00:00"));
    }

    @Test
    void fifteenWorkingDaysFromMidDecemberSkipIndependenceDayAndChristmas() {
        // 15 Dec 2025 + 15: 16 Dec and 1, 2, 7 Jan are holidays.
        assertThat(calendar.addWorkingDays(at("2025-12-15T09:00"), 15)).isEqualTo(at("2026-01-10T00:00"));
    }

    @Test
    void intoAYearWithNoDataFailsSayingWhichYearToAdd() {
        assertThatThrownBy(() -> calendar.addWorkingDays(at("2027-12-20T10:00"), 15))
                .isInstanceOf(NoCalendarDataException.class)
                .hasMessageContaining("no data for 2028")
                .hasMessageContaining("year 2028")
                .satisfies(e -> assertThat(((NoCalendarDataException) e).year()).isEqualTo(2028));
    }
}

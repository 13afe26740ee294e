package kz.qorgau.core.calendar;

import static kz.qorgau.core.Almaty.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** In 2025 the day off of Sunday 5 January was moved to Friday 3 January. */
class TransferredWorkingDayTest {

    private final WorkingCalendar calendar = WorkingCalendar.kazakhstan();

    @Test
    void theSundayIsWorkedAndTheFridayIsNot() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 5))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 3))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 4))).isFalse();
    }

    @Test
    void aDeadlineCanEndOnTheWorkedSunday() {
        // Reported on New Year's Day: 2 January holiday, 3 January off, 4 January Saturday, 5 January worked.
        assertThat(calendar.addWorkingDays(at("2025-01-01T15:00"), 1)).isEqualTo(at("2025-01-06T00:00"));
    }
}

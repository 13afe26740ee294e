package kz.qorgau.core.calendar;

import static kz.qorgau.core.Almaty.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReportFiledOnTheEveOfNauryzTest {

    private final WorkingCalendar calendar = WorkingCalendar.kazakhstan();

    @Test
    void waitsForTheFiveDaysOfNauryzBeforeItsFirstWorkingDay() {
        // Friday 20 March 2026 17:00; 21-25 March are not worked (21-23 Nauryz, 24-25 in lieu of the weekend).
        assertThat(calendar.addWorkingDays(at("2026-03-20T17:00"), 1)).isEqualTo(at("2026-03-27T00:00"));
        assertThat(calendar.addWorkingDays(at("2026-03-20T17:00"), 3)).isEqualTo(at("2026-03-31T00:00"));
    }

    @Test
    void countsNoWorkingTimeDuringTheHoliday() {
        assertThat(calendar.workingTimeBetween(at("2026-03-20T17:00"), at("2026-03-26T09:00")))
                .isEqualTo(Duration.ofHours(7 + 9));
    }
}

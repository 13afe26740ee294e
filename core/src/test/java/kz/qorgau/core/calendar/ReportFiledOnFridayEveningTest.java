package kz.qorgau.core.calendar;

import static kz.qorgau.core.Almaty.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportFiledOnFridayEveningTest {

    private final WorkingCalendar calendar = WorkingCalendar.kazakhstan();

    @Test
    void hasMondayAsItsFirstWorkingDay() {
        assertThat(calendar.addWorkingDays(at("2026-02-13T19:45"), 1)).isEqualTo(at("2026-02-17T00:00"));
    }

    @Test
    void beforeWomensDayOnASundayHasTuesdayAsItsFirstWorkingDay() {
        // Friday 6 March 2026; 8 March is a Sunday, so Monday 9 March is off too.
        assertThat(calendar.addWorkingDays(at("2026-03-06T19:45"), 1)).isEqualTo(at("2026-03-11T00:00"));
    }
}

package kz.qorgau.core.calendar;

import static kz.qorgau.core.Almaty.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkingTimeBetweenTest {

    private final WorkingCalendar calendar = WorkingCalendar.kazakhstan();

    @Test
    void leavesOutTheWeekend() {
        assertThat(calendar.workingTimeBetween(at("2026-02-13T17:00"), at("2026-02-16T10:00")))
                .isEqualTo(Duration.ofHours(17));
    }

    @Test
    void withinOneWorkingDayIsPlainClockTime() {
        assertThat(calendar.workingTimeBetween(at("2026-02-10T09:15"), at("2026-02-10T11:45")))
                .isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void withinAHolidayIsZero() {
        assertThat(calendar.workingTimeBetween(at("2026-01-01T09:00"), at("2026-01-02T18:00")))
                .isZero();
    }

    @Test
    void refusesAnIntervalThatRunsBackwards() {
        assertThatThrownBy(() -> calendar.workingTimeBetween(at("2026-02-10T11:00"), at("2026-02-10T10:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

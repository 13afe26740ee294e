package kz.qorgau.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarFileTest {

    @Test
    void badLinesAreRejectedWithTheirLineNumberAndTheRestIsUsed() {
        String text = String.join(
                "\n",
                "# test calendar",
                "year 2030 official test",
                "2030-01-01 holiday New Year",
                "2030-01-05 day-off a Saturday cannot be given off",
                "2030-01-07 working-day a Monday is worked anyway",
                "2031-01-01 holiday no year line for 2031",
                "2030-01-01 holiday listed twice",
                "2030-13-01 holiday no such month",
                "2030-02-03 holliday misspelt kind",
                "2030-02-04 day-off",
                "year 2032 maybe",
                "2030-01-06 working-day moved to Friday 4 January",
                "2030-01-04 day-off moved from Sunday 6 January   # comments are ignored",
                "x".repeat(201));

        CalendarFile file = WorkingCalendar.read("test", new StringReader(text), WorkingCalendar.ALMATY);

        assertThat(file.isClean()).isFalse();
        assertThat(file.rejected()).extracting(RejectedLine::lineNumber).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 14);
        assertThat(file.rejected().get(0).reason()).contains("saturday").contains("weekday");
        assertThat(file.rejected().get(2).reason()).contains("year 2031");
        assertThat(file.rejected().get(5).reason()).contains("unknown kind 'holliday'");
        WorkingCalendar calendar = file.calendar();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 4))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 6))).isTrue();
        assertThat(calendar.day(LocalDate.of(2030, 1, 4)))
                .hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("moved from Sunday 6 January"));
    }

    @Test
    void aCalendarBuiltFromPlainDataFollowsTheSameRules() {
        WorkingCalendar calendar = WorkingCalendar.of(
                WorkingCalendar.ALMATY,
                List.of(new CalendarYear(2030, CalendarYear.Status.OFFICIAL, "")),
                List.of(new CalendarDay(LocalDate.of(2030, 3, 21), CalendarDay.Kind.HOLIDAY, "Nauryz")));
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 3, 21))).isFalse();
        assertThatThrownBy(() -> WorkingCalendar.of(
                        WorkingCalendar.ALMATY,
                        List.of(new CalendarYear(2030, CalendarYear.Status.OFFICIAL, "")),
                        List.of(new CalendarDay(LocalDate.of(2030, 3, 23), CalendarDay.Kind.DAY_OFF, "a Saturday"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("saturday");
    }

    @Test
    void aYearWithNoDataFailsFastInsteadOfGuessingWeekendsOnly() {
        WorkingCalendar calendar = WorkingCalendar.kazakhstan();
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2024, 12, 31)))
                .isInstanceOf(NoCalendarDataException.class)
                .hasMessageContaining("no data for 2024")
                .hasMessageContaining("covers 2025, 2026, 2027");
    }
}

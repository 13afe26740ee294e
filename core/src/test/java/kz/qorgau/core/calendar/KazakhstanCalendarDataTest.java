package kz.qorgau.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KazakhstanCalendarDataTest {

    private final WorkingCalendar calendar = WorkingCalendar.kazakhstan();

    @Test
    void coversTwentyTwentyFiveToTwentyTwentySevenWithTwentyTwentySevenProvisional() {
        assertThat(calendar.years())
                .extracting(CalendarYear::year, CalendarYear::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2025, CalendarYear.Status.OFFICIAL),
                        org.assertj.core.groups.Tuple.tuple(2026, CalendarYear.Status.OFFICIAL),
                        org.assertj.core.groups.Tuple.tuple(2027, CalendarYear.Status.PROVISIONAL));
        assertThat(calendar.coveredUntil()).contains(LocalDate.of(2027, 12, 31));
    }

    @Test
    void countsInAlmatyWhichIsUtcPlusFiveSinceMarch2024() {
        assertThat(calendar.zone().getId()).isEqualTo("Asia/Almaty");
        assertThat(calendar.zone().getRules().getOffset(LocalDateTime.of(2026, 7, 1, 12, 0)))
                .isEqualTo(ZoneOffset.ofHours(5));
    }

    @Test
    void twentyTwentyFiveHasThe246WorkingDaysOfThePublishedProductionCalendar() {
        assertThat(workingDaysIn(2025)).isEqualTo(246);
    }

    @Test
    void twentyTwentySixHas247WorkingDaysBecauseConstitutionDayMovedToMarch() {
        // eGov's January 2026 calendar had 246, with 31 August off for Constitution Day on a Sunday;
        // after the referendum of 15 March 2026 the Ministry of Labour dropped 30 August.
        assertThat(workingDaysIn(2026)).isEqualTo(247);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 31))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 15))).isFalse();
    }

    @Test
    void everyNationalHolidayOnAWeekendGivesTheNextWorkingDayOff() {
        List<LocalDate> daysOff = new ArrayList<>();
        List<CalendarDay> weekendHolidays = new ArrayList<>();
        for (CalendarDay day : calendar.days()) {
            if (day.kind() == CalendarDay.Kind.DAY_OFF) {
                daysOff.add(day.date());
            }
            if (day.kind() == CalendarDay.Kind.HOLIDAY && isWeekend(day.date())) {
                weekendHolidays.add(day);
            }
        }
        for (CalendarDay holiday : weekendHolidays) {
            LocalDate matched = daysOff.stream()
                    .filter(d -> d.isAfter(holiday.date())
                            && !d.isAfter(holiday.date().plusDays(7)))
                    .findFirst()
                    .orElse(null);
            assertThat(matched)
                    .as(
                            "a day off after %s %s on a %s",
                            holiday.name(), holiday.date(), holiday.date().getDayOfWeek())
                    .isNotNull();
            daysOff.remove(matched);
        }
    }

    @Test
    void religiousHolidaysOnAWeekendAreNotMoved() {
        // Kurban Ait 2027 (estimated) falls on Sunday 16 May; Monday 17 May stays a working day.
        assertThat(calendar.day(LocalDate.of(2027, 5, 16)))
                .hasValueSatisfying(d -> assertThat(d.kind()).isEqualTo(CalendarDay.Kind.RELIGIOUS_HOLIDAY));
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 17))).isTrue();
    }

    @Test
    void knownDaysOfTwentyTwentySix() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 7))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 25))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 26))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 27))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 26))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 16))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 17))).isTrue();
    }

    private int workingDaysIn(int year) {
        int count = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}

package kz.qorgau.signals.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * What the detectors of one scan share: the year, the last usable day, the classes and subjects,
 * and the calendar of day indexes.
 */
final class ScanContext {

    final SchoolSignalsConfig config;
    final SchoolYear year;
    final int lastDay;
    final List<SchoolScan.SchoolClass> classes;
    final List<String> subjects;
    final List<StudentYear> students;
    final int[] weekdayOf;
    final int[] monthOf;

    ScanContext(
            SchoolSignalsConfig config,
            SchoolYear year,
            int lastDay,
            List<SchoolScan.SchoolClass> classes,
            List<String> subjects,
            List<StudentYear> students) {
        this.config = config;
        this.year = year;
        this.lastDay = lastDay;
        this.classes = classes;
        this.subjects = subjects;
        this.students = students;
        int days = year.lengthInDays();
        this.weekdayOf = new int[days];
        this.monthOf = new int[days];
        LocalDate start = year.start();
        for (int day = 0; day < days; day++) {
            LocalDate date = start.plusDays(day);
            weekdayOf[day] = date.getDayOfWeek().getValue() - 1;
            monthOf[day] =
                    (int) ((date.getYear() - start.getYear()) * 12L + date.getMonthValue() - start.getMonthValue());
        }
    }

    LocalDate date(int day) {
        return year.start().plusDays(day);
    }

    static DayOfWeek weekday(int index) {
        return DayOfWeek.of(index + 1);
    }

    int months() {
        return monthOf[monthOf.length - 1] + 1;
    }
}

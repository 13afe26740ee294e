package kz.qorgau.signals.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Why a signal fired: the dates, counts and rates it rests on, and one sentence a school
 * safeguarding lead can read ({@link #summary()}). Rates are shares in [0, 1].
 */
public sealed interface Evidence {

    /** One plain-English sentence with the figures and dates. */
    String summary();

    /**
     * Unexcused absence rose against the student's own earlier rate. A day counts as an absence
     * day when at least one lesson that day was marked {@code absent}; fully excused days do not
     * count either way.
     *
     * @param changeDate estimated first day of the higher rate
     * @param endDate last day of the higher rate when it has ended, or null when it goes on to
     *     {@code lastDay}
     * @param firstDay first school day of the student in the scan
     * @param lastDay last school day used (the as-of date or the last record)
     * @param daysBefore school days before the change
     * @param absentDaysBefore of those, days with an unexcused absence
     * @param daysAfter school days from the change to its end
     * @param absentDaysAfter of those, days with an unexcused absence
     * @param daysSinceEnd school days after the end (0 when it has not ended)
     * @param absentDaysSinceEnd of those, days with an unexcused absence
     * @param unexcusedLessonsAfter lessons marked absent from the change to its end
     * @param classRateAfter share of absence days of the rest of the class over the same dates
     * @param likelihoodRatio the change test's statistic, 2 log(likelihood ratio)
     */
    record AbsenceRise(
            LocalDate changeDate,
            @Nullable LocalDate endDate,
            LocalDate firstDay,
            LocalDate lastDay,
            int daysBefore,
            int absentDaysBefore,
            int daysAfter,
            int absentDaysAfter,
            int daysSinceEnd,
            int absentDaysSinceEnd,
            int unexcusedLessonsAfter,
            double classRateAfter,
            double likelihoodRatio)
            implements Evidence {

        /** Share of absence days before the change. */
        public double rateBefore() {
            return daysBefore == 0 ? 0 : (double) absentDaysBefore / daysBefore;
        }

        /** Share of absence days from the change on. */
        public double rateAfter() {
            return daysAfter == 0 ? 0 : (double) absentDaysAfter / daysAfter;
        }

        @Override
        public String summary() {
            LocalDate until = endDate == null ? lastDay : endDate;
            String since = endDate == null
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            " It then fell back: %d of %d days (%s) since.",
                            absentDaysSinceEnd,
                            daysSinceEnd,
                            percent(daysSinceEnd == 0 ? 0 : (double) absentDaysSinceEnd / daysSinceEnd));
            return String.format(
                            Locale.ROOT,
                            "Unexcused absence rose from %d of %d school days (%s) from %s until %s to %d of %d"
                                    + " days (%s) from %s to %s, %d lessons missed; the rest of the class was away"
                                    + " on %s of those days.",
                            absentDaysBefore,
                            daysBefore,
                            percent(rateBefore()),
                            firstDay,
                            changeDate,
                            absentDaysAfter,
                            daysAfter,
                            percent(rateAfter()),
                            changeDate,
                            until,
                            unexcusedLessonsAfter,
                            percent(classRateAfter))
                    + since;
        }
    }

    /**
     * Unexcused absences concentrate on one weekday.
     *
     * @param weekday the weekday
     * @param absentDays days on that weekday with an unexcused absence
     * @param days school days on that weekday
     * @param expectedRate the rate expected from the student's other weekdays, raised when the whole
     *     class is more often away on that weekday
     * @param pValue binomial tail probability of as many absence days at the expected rate
     * @param dates the most recent absence days on that weekday, newest last
     */
    record WeekdayAbsence(
            DayOfWeek weekday, int absentDays, int days, double expectedRate, double pValue, List<LocalDate> dates)
            implements Evidence {

        /** Copies the list. */
        public WeekdayAbsence {
            dates = List.copyOf(dates);
        }

        @Override
        public String summary() {
            String day = weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            return String.format(
                    Locale.ROOT,
                    "Absent without excuse on %d of %d %ss (%s), against %s expected from the student's other days"
                            + " and the class; most recent: %s.",
                    absentDays,
                    days,
                    day,
                    percent(days == 0 ? 0 : (double) absentDays / days),
                    percent(expectedRate),
                    join(dates));
        }
    }

    /**
     * On days the student attended in part, the first lesson is missed more often than the number of
     * missed lessons explains.
     *
     * @param missedFirstLessons partly attended days on which the first lesson was missed
     * @param partlyAttendedDays days with some lessons attended and some missed without excuse
     * @param expected missed first lessons expected if the missed lessons fell at random within the
     *     day (raised when the whole class misses first lessons more)
     * @param pValue binomial tail probability of as many at that expectation
     * @param dates the most recent such days, newest last
     */
    record FirstLessonAbsence(
            int missedFirstLessons, int partlyAttendedDays, double expected, double pValue, List<LocalDate> dates)
            implements Evidence {

        /** Copies the list. */
        public FirstLessonAbsence {
            dates = List.copyOf(dates);
        }

        @Override
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "Missed the first lesson on %d of %d days on which the student came to later lessons"
                            + " (%.1f expected); most recent: %s.",
                    missedFirstLessons,
                    partlyAttendedDays,
                    expected,
                    join(dates));
        }
    }

    /**
     * Marks fell relative to the class in several subjects at once. Marks are standardized within
     * class, subject and month, so a hard test for everyone is not a decline.
     *
     * @param changeDate estimated first day of the lower marks
     * @param marksBefore marks before it
     * @param marksAfter marks from it on
     * @param meanDrop drop of the mean standardized mark, in class standard deviations
     * @param t two-sample t statistic of the drop
     * @param subjectsWithMarks subjects with enough marks on both sides to judge
     * @param falling the subjects whose marks fell, largest drop first
     */
    record GradeDecline(
            LocalDate changeDate,
            int marksBefore,
            int marksAfter,
            double meanDrop,
            double t,
            int subjectsWithMarks,
            List<SubjectDrop> falling)
            implements Evidence {

        /** Copies the list. */
        public GradeDecline {
            falling = List.copyOf(falling);
        }

        @Override
        public String summary() {
            String subjects = falling.stream()
                    .map(s -> String.format(
                            Locale.ROOT, "%s %s→%s", s.subject(), percent(s.meanBefore()), percent(s.meanAfter())))
                    .collect(Collectors.joining(", "));
            return String.format(
                    Locale.ROOT,
                    "Marks fell relative to the class from %s in %d of %d subjects (average %.1f class standard"
                            + " deviations, %d marks before, %d after): %s.",
                    changeDate,
                    falling.size(),
                    subjectsWithMarks,
                    meanDrop,
                    marksBefore,
                    marksAfter,
                    subjects);
        }
    }

    /**
     * One subject's marks before and after a decline.
     *
     * @param subject the subject
     * @param marksBefore marks before the change date
     * @param marksAfter marks from it on
     * @param meanBefore mean mark before, as a share of the maximum
     * @param meanAfter mean mark after, as a share of the maximum
     * @param drop drop of the mean standardized mark, in class standard deviations
     */
    record SubjectDrop(
            String subject, int marksBefore, int marksAfter, double meanBefore, double meanAfter, double drop) {}

    /**
     * What parents or staff recorded, of one kind.
     *
     * @param kind the observation kind, e.g. {@code nights-away}
     * @param observations the records, oldest first
     */
    record Observed(String kind, List<ObservationRecord> observations) implements Evidence {

        /** Copies the list. */
        public Observed {
            observations = List.copyOf(observations);
        }

        @Override
        public String summary() {
            String items = observations.stream()
                    .map(o -> o.note().isBlank() ? o.date().toString() : o.date() + " (\"" + o.note() + "\")")
                    .collect(Collectors.joining(", "));
            return "Recorded " + kind.replace('-', ' ') + " " + observations.size()
                    + (observations.size() == 1 ? " time: " : " times: ") + items + ".";
        }
    }

    /**
     * A long run of excused absence: usually illness, so noted weakly; it matters only together with
     * other signals.
     *
     * @param from first day of the run
     * @param to last day of the run
     * @param schoolDays school days in the run
     */
    record LongExcusedAbsence(LocalDate from, LocalDate to, int schoolDays) implements Evidence {
        @Override
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "Excused absence on %d school days in a row, %s to %s (usually illness; noted only"
                            + " together with other signals).",
                    schoolDays,
                    from,
                    to);
        }
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String join(List<LocalDate> dates) {
        return dates.stream().map(LocalDate::toString).collect(Collectors.joining(", "));
    }
}

package kz.qorgau.signals.school;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The attendance detectors: a rise in unexcused absence against the student's own earlier rate,
 * absences concentrated on one weekday or on first lessons, and a long excused run (weak). Each
 * works on the student's countable school days: days with at least one lesson recorded that was not
 * excused. O(days) per student.
 */
final class AttendanceDetectors {

    private static final int DATES_SHOWN = 8;

    private final ScanContext context;
    private final ClassAttendance classes;
    private final SchoolSignalsConfig config;

    AttendanceDetectors(ScanContext context, ClassAttendance classes) {
        this.context = context;
        this.classes = classes;
        this.config = context.config;
    }

    void detect(StudentYear student, List<Signal> out) {
        int[] days = new int[context.lastDay + 1];
        boolean[] away = new boolean[days.length];
        int n = 0;
        for (int day = 0; day <= context.lastDay; day++) {
            long slot = student.days[day];
            int countable = StudentYear.countable(slot);
            if (countable != 0) {
                days[n] = day;
                away[n] = (StudentYear.absent(slot) & countable) != 0;
                n++;
            }
        }
        add(out, absenceRise(student, days, away, n));
        add(out, weekdayPattern(student, days, away, n));
        add(out, firstLessonPattern(student, days, n));
        add(out, longExcusedRun(student));
    }

    private static void add(List<Signal> out, @Nullable Signal signal) {
        if (signal != null) {
            out.add(signal);
        }
    }

    /**
     * Generalized likelihood-ratio test for one upward change of a Bernoulli rate (the share of days
     * with an unexcused absence), maximised over the change day: the offline form of a Bernoulli
     * CUSUM that needs no assumed rates; then the same for a rise that has ended. Days are the unit
     * because absences cluster within a day; lessons of one day are not independent trials. O(days).
     */
    private @Nullable Signal absenceRise(StudentYear student, int[] days, boolean[] away, int n) {
        var rule = config.absenceRise();
        if (n < rule.minDaysBefore() + rule.minDaysAfter()) {
            return null;
        }
        int total = 0;
        for (int i = 0; i < n; i++) {
            if (away[i]) total++;
        }
        double whole = Binomial.logLikelihood(total, n);
        double best = 0;
        int split = -1;
        int before = 0;
        for (int i = 0; i < n; i++) {
            if (i >= rule.minDaysBefore() && n - i >= rule.minDaysAfter()) {
                int after = total - before;
                if ((long) after * i > (long) before * (n - i)) {
                    double statistic =
                            2 * (Binomial.logLikelihood(before, i) + Binomial.logLikelihood(after, n - i) - whole);
                    if (statistic > best) {
                        best = statistic;
                        split = i;
                    }
                }
            }
            if (away[i]) before++;
        }
        if (split < 0) {
            return null;
        }
        // A rise may also have ended (a month of truancy, then back): try a segment with an end,
        // moving its end and then its start once; it replaces the open-ended change only when it
        // explains the days clearly better (the gain pays for the extra change point).
        int[] cumulative = new int[n + 1];
        for (int i = 0; i < n; i++) {
            cumulative[i + 1] = cumulative[i] + (away[i] ? 1 : 0);
        }
        int start = split;
        int end = n;
        double segment = 0;
        for (int e = start + rule.minDaysAfter(); e <= n - rule.minDaysBefore(); e++) {
            double statistic = segmentStatistic(cumulative, start, e, n, whole);
            if (statistic > segment) {
                segment = statistic;
                end = e;
            }
        }
        if (end < n) {
            for (int s = rule.minDaysBefore(); s <= end - rule.minDaysAfter(); s++) {
                double statistic = segmentStatistic(cumulative, s, end, n, whole);
                if (statistic > segment) {
                    segment = statistic;
                    start = s;
                }
            }
        }
        double statistic;
        if (end < n && segment >= best + rule.minGainForAnEnd()) {
            statistic = segment;
        } else {
            statistic = best;
            start = split;
            end = n;
        }
        // A segment with an end is searched over two change points, so it must clear a higher bar.
        if (statistic < rule.minLikelihoodRatio() + (end < n ? rule.minGainForAnEnd() : 0)) {
            return null;
        }
        int absentBefore = cumulative[start];
        int absentAfter = cumulative[end] - cumulative[start];
        int daysAfter = end - start;
        double rateAfter = (double) absentAfter / daysAfter;
        // The student's own normal: the days before the change, and for a rise that ended also the
        // days after it, so that a month that merely varies around a high rate is not a change.
        double rateBefore = (double) (cumulative[n] - absentAfter) / (n - daysAfter);
        if (end == n) {
            rateBefore = (double) absentBefore / start;
        }
        if (rateAfter - rateBefore < rule.minRateIncrease() || rateAfter < rule.minRateRatio() * rateBefore) {
            return null;
        }
        // Against the class: the student's own earlier rate, raised by however much the rest of the
        // class rose over the same days (a flu wave, a trip), must not explain the later rate.
        int[] classCounted = new int[2];
        int[] classAbsent = new int[2];
        int lessonsAfter = 0;
        for (int i = 0; i < end; i++) {
            int day = days[i];
            int side = i < start ? 0 : 1;
            classCounted[side] += classes.counted[student.classIndex][day] - 1;
            classAbsent[side] += classes.absent[student.classIndex][day] - (away[i] ? 1 : 0);
            if (side == 1) {
                long slot = student.days[day];
                lessonsAfter += Integer.bitCount(StudentYear.absent(slot) & StudentYear.countable(slot));
            }
        }
        double classBefore = classCounted[0] == 0 ? 0 : (double) classAbsent[0] / classCounted[0];
        double classRate = classCounted[1] == 0 ? 0 : (double) classAbsent[1] / classCounted[1];
        double expectedAfter = Math.min(0.95, rateBefore + Math.max(0, classRate - classBefore));
        if (rateAfter - expectedAfter < rule.minIncreaseOverClass()
                || Binomial.upperTail(absentAfter, daysAfter, Math.max(expectedAfter, 0.5 / daysAfter))
                        > rule.maxPValueOverClass()) {
            return null;
        }
        double strength = strength(
                rateAfter - rateBefore,
                rule.minRateIncrease(),
                Math.max(rule.fullStrengthIncrease(), rule.minRateIncrease()));
        if (end < n) {
            // A burst that is already over weighs by its length: two weeks away, then back to
            // normal, is worth a look beside other signals, not a flag by itself.
            strength *= Math.min(1, (double) daysAfter / rule.fullStrengthDaysForAnEnd());
        }
        var evidence = new Evidence.AbsenceRise(
                context.date(days[start]),
                end < n ? context.date(days[end - 1]) : null,
                context.date(days[0]),
                context.date(days[n - 1]),
                start,
                absentBefore,
                daysAfter,
                absentAfter,
                n - end,
                cumulative[n] - cumulative[end],
                lessonsAfter,
                classRate,
                round(statistic, 1));
        return new Signal(Signal.ABSENCE_RISE, strength, 0, evidence);
    }

    /** 2 log LR of a higher rate inside [start, end) than outside it; 0 when it is not higher. */
    private static double segmentStatistic(int[] cumulative, int start, int end, int n, double whole) {
        int inside = cumulative[end] - cumulative[start];
        int days = end - start;
        int outside = cumulative[n] - inside;
        if ((long) inside * (n - days) <= (long) outside * days) {
            return 0;
        }
        return 2 * (Binomial.logLikelihood(inside, days) + Binomial.logLikelihood(outside, n - days) - whole);
    }

    /**
     * For each weekday, a one-sided binomial test of the absence days on that weekday against the
     * rate on the student's other weekdays (raised by the class's own weekday effect), Bonferroni
     * corrected over the weekdays tested.
     */
    private @Nullable Signal weekdayPattern(StudentYear student, int[] days, boolean[] away, int n) {
        var rule = config.weekdayPattern();
        int[] count = new int[7];
        int[] absent = new int[7];
        int totalAbsent = 0;
        for (int i = 0; i < n; i++) {
            int w = context.weekdayOf[days[i]];
            count[w]++;
            if (away[i]) {
                absent[w]++;
                totalAbsent++;
            }
        }
        if (totalAbsent < rule.minAbsentDays()) {
            return null;
        }
        int tested = 0;
        for (int w = 0; w < 7; w++) {
            if (count[w] > 0) tested++;
        }
        int bestDay = -1;
        double bestP = 1;
        double bestExpected = 0;
        for (int w = 0; w < 7; w++) {
            if (absent[w] < rule.minAbsentDays()) {
                continue;
            }
            int otherDays = n - count[w];
            int otherAbsent = totalAbsent - absent[w];
            double expected = Math.min(
                    0.95,
                    (otherAbsent + 0.5)
                            / (otherDays + 1.0)
                            * classes.weekdayFactor(student.classIndex, w, count, absent));
            double rate = (double) absent[w] / count[w];
            if (rate < rule.minRateRatio() * expected || rate - expected < rule.minRateIncrease()) {
                continue;
            }
            double p = Binomial.upperTail(absent[w], count[w], expected);
            if (p * tested <= rule.maxPValue() && p < bestP) {
                bestP = p;
                bestDay = w;
                bestExpected = expected;
            }
        }
        if (bestDay < 0) {
            return null;
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (away[i] && context.weekdayOf[days[i]] == bestDay) {
                dates.add(context.date(days[i]));
            }
        }
        double rate = (double) absent[bestDay] / count[bestDay];
        double strength = strength(rate - bestExpected, rule.minRateIncrease(), rule.minRateIncrease() + 0.5);
        var evidence = new Evidence.WeekdayAbsence(
                ScanContext.weekday(bestDay),
                absent[bestDay],
                count[bestDay],
                round(bestExpected, 3),
                significant(bestP),
                latest(dates));
        return new Signal(Signal.WEEKDAY_PATTERN, strength, 0, evidence);
    }

    /**
     * On partly attended days, whether the first lesson is among the missed ones more often than if
     * the missed lessons fell at random within the day; a binomial test at the mean chance.
     */
    private @Nullable Signal firstLessonPattern(StudentYear student, int[] days, int n) {
        var rule = config.firstLessonPattern();
        int partial = 0;
        int missedFirst = 0;
        double expected = 0;
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long slot = student.days[days[i]];
            int countable = StudentYear.countable(slot);
            int missed = StudentYear.absent(slot) & countable;
            int a = Integer.bitCount(missed);
            int lessons = Integer.bitCount(countable);
            if (a == 0 || a == lessons) {
                continue;
            }
            partial++;
            expected += (double) a / lessons;
            if ((missed & Integer.lowestOneBit(countable)) != 0) {
                missedFirst++;
                dates.add(context.date(days[i]));
            }
        }
        if (missedFirst < rule.minAbsences() || partial == 0) {
            return null;
        }
        expected = Math.min(
                partial * 0.95, expected * classes.firstLessonFactor(student.classIndex, missedFirst, expected));
        if (missedFirst < rule.minRateRatio() * expected) {
            return null;
        }
        double p = Binomial.upperTail(missedFirst, partial, expected / partial);
        if (p > rule.maxPValue()) {
            return null;
        }
        double strength = strength(missedFirst / Math.max(expected, 0.5), rule.minRateRatio(), rule.minRateRatio() * 2);
        var evidence = new Evidence.FirstLessonAbsence(
                missedFirst, partial, round(expected, 1), significant(p), latest(dates));
        return new Signal(Signal.FIRST_LESSON_PATTERN, strength, 0, evidence);
    }

    /** The longest run of consecutive school days that were fully excused. */
    private @Nullable Signal longExcusedRun(StudentYear student) {
        int minRun = config.longExcusedAbsence().minSchoolDays();
        int run = 0;
        int runStart = -1;
        int bestRun = 0;
        int bestStart = -1;
        int bestEnd = -1;
        int lastExcused = -1;
        for (int day = 0; day <= context.lastDay; day++) {
            long slot = student.days[day];
            int recorded = StudentYear.recorded(slot);
            if (recorded == 0) {
                continue;
            }
            if (StudentYear.excused(slot) == recorded) {
                if (run == 0) runStart = day;
                run++;
                lastExcused = day;
                if (run > bestRun) {
                    bestRun = run;
                    bestStart = runStart;
                    bestEnd = lastExcused;
                }
            } else {
                run = 0;
            }
        }
        if (bestRun < minRun) {
            return null;
        }
        var evidence = new Evidence.LongExcusedAbsence(context.date(bestStart), context.date(bestEnd), bestRun);
        return new Signal(Signal.LONG_EXCUSED_ABSENCE, 1, 0, evidence);
    }

    /** 0.5 when the effect just passes the threshold, rising linearly to 1 at {@code full}. */
    static double strength(double effect, double threshold, double full) {
        if (full <= threshold) {
            return 1;
        }
        double share = Math.max(0, Math.min(1, (effect - threshold) / (full - threshold)));
        return 0.5 + 0.5 * share;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** Keeps two significant digits of a p-value. */
    static double significant(double p) {
        if (p <= 0) {
            return 0;
        }
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.2g", p));
    }

    private static List<LocalDate> latest(List<LocalDate> dates) {
        return dates.size() <= DATES_SHOWN ? dates : dates.subList(dates.size() - DATES_SHOWN, dates.size());
    }
}

package kz.qorgau.signals.school;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A decline of marks across subjects: the student's marks, standardized within class, subject and
 * month, are split at every day boundary into before and after; the split with the largest
 * two-sample t statistic is the change date, and it counts only when the mean drop is large and
 * several subjects fall, so one bad mark or one hard subject is not a decline. O(marks log marks)
 * per student.
 */
final class GradeDeclineDetector {

    private final ScanContext context;
    private final GradeNorms norms;
    private final SchoolSignalsConfig.GradeDecline rule;

    GradeDeclineDetector(ScanContext context, GradeNorms norms) {
        this.context = context;
        this.norms = norms;
        this.rule = context.config.gradeDecline();
    }

    @Nullable
    Signal detect(StudentYear student) {
        int n = student.markCount;
        if (n < rule.minMarksBefore() + rule.minMarksAfter()) {
            return null;
        }
        long[] marks = Arrays.copyOf(student.marks, n);
        Arrays.sort(marks);
        double[] z = new double[n];
        double total = 0;
        double totalSquares = 0;
        for (int i = 0; i < n; i++) {
            int day = StudentYear.markDay(marks[i]);
            z[i] = norms.standardized(student.classIndex, marks[i], context.monthOf[day]);
            total += z[i];
            totalSquares += z[i] * z[i];
        }
        double bestT = 0;
        int split = -1;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            boolean dayBoundary = i > 0 && StudentYear.markDay(marks[i]) != StudentYear.markDay(marks[i - 1]);
            if (dayBoundary && i >= rule.minMarksBefore() && n - i >= rule.minMarksAfter()) {
                double t = t(sum, squares, i, total - sum, totalSquares - squares, n - i);
                if (t > bestT) {
                    bestT = t;
                    split = i;
                }
            }
            sum += z[i];
            squares += z[i] * z[i];
        }
        if (split < 0 || bestT < rule.minT()) {
            return null;
        }
        double before = 0;
        for (int i = 0; i < split; i++) {
            before += z[i];
        }
        double meanDrop = before / split - (total - before) / (n - split);
        if (meanDrop < rule.minMeanDrop()) {
            return null;
        }
        int subjects = context.subjects.size();
        int[] countBefore = new int[subjects];
        int[] countAfter = new int[subjects];
        double[] zBefore = new double[subjects];
        double[] zAfter = new double[subjects];
        double[] rawBefore = new double[subjects];
        double[] rawAfter = new double[subjects];
        for (int i = 0; i < n; i++) {
            int subject = StudentYear.markSubject(marks[i]);
            double raw = StudentYear.markValue(marks[i]);
            if (i < split) {
                countBefore[subject]++;
                zBefore[subject] += z[i];
                rawBefore[subject] += raw;
            } else {
                countAfter[subject]++;
                zAfter[subject] += z[i];
                rawAfter[subject] += raw;
            }
        }
        int judged = 0;
        List<Evidence.SubjectDrop> falling = new ArrayList<>();
        for (int s = 0; s < subjects; s++) {
            if (countBefore[s] < rule.minMarksPerSubjectSide() || countAfter[s] < rule.minMarksPerSubjectSide()) {
                continue;
            }
            judged++;
            double drop = zBefore[s] / countBefore[s] - zAfter[s] / countAfter[s];
            if (drop >= rule.subjectDrop()) {
                falling.add(new Evidence.SubjectDrop(
                        context.subjects.get(s),
                        countBefore[s],
                        countAfter[s],
                        AttendanceDetectors.round(rawBefore[s] / countBefore[s], 3),
                        AttendanceDetectors.round(rawAfter[s] / countAfter[s], 3),
                        AttendanceDetectors.round(drop, 2)));
            }
        }
        if (falling.size() < rule.minSubjectsFalling() || falling.size() < rule.minShareFalling() * judged) {
            return null;
        }
        falling.sort(Comparator.comparingDouble(Evidence.SubjectDrop::drop)
                .reversed()
                .thenComparing(Evidence.SubjectDrop::subject));
        double strength = AttendanceDetectors.strength(
                meanDrop, rule.minMeanDrop(), Math.max(rule.fullStrengthDrop(), rule.minMeanDrop()));
        var evidence = new Evidence.GradeDecline(
                context.date(StudentYear.markDay(marks[split])),
                split,
                n - split,
                AttendanceDetectors.round(meanDrop, 2),
                AttendanceDetectors.round(bestT, 1),
                judged,
                falling);
        return new Signal(Signal.GRADE_DECLINE, strength, 0, evidence);
    }

    /** Two-sample t statistic (pooled variance) of the first group's mean above the second's. */
    private static double t(double sum1, double squares1, int n1, double sum2, double squares2, int n2) {
        double mean1 = sum1 / n1;
        double mean2 = sum2 / n2;
        double within = (squares1 - n1 * mean1 * mean1) + (squares2 - n2 * mean2 * mean2);
        double pooled = Math.max(within / (n1 + n2 - 2), 1e-9);
        return (mean1 - mean2) / Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2));
    }
}

package kz.qorgau.signals.school;

import java.util.List;

/**
 * Per class and day: how many students had a countable school day and how many of them had an
 * unexcused absence; and per class the first-lesson figures. The detectors compare a student with
 * the rest of the class through these, so that a whole class away (a trip, a flu wave, an early bus)
 * is not read as one student's pattern.
 */
final class ClassAttendance {

    final int[][] counted;
    final int[][] absent;
    final int[][] weekdayDays;
    final int[][] weekdayAbsent;
    final int[] firstLessonMissed;
    final double[] firstLessonExpected;

    ClassAttendance(ScanContext context) {
        int classes = context.classes.size();
        int days = context.lastDay + 1;
        counted = new int[classes][Math.max(0, days)];
        absent = new int[classes][Math.max(0, days)];
        weekdayDays = new int[classes][7];
        weekdayAbsent = new int[classes][7];
        firstLessonMissed = new int[classes];
        firstLessonExpected = new double[classes];
        List<StudentYear> students = context.students;
        for (StudentYear student : students) {
            int c = student.classIndex;
            for (int day = 0; day < days; day++) {
                long slot = student.days[day];
                int countable = StudentYear.countable(slot);
                if (countable == 0) {
                    continue;
                }
                int missed = StudentYear.absent(slot) & countable;
                counted[c][day]++;
                weekdayDays[c][context.weekdayOf[day]]++;
                if (missed != 0) {
                    absent[c][day]++;
                    weekdayAbsent[c][context.weekdayOf[day]]++;
                    int a = Integer.bitCount(missed);
                    int n = Integer.bitCount(countable);
                    if (a < n) {
                        firstLessonExpected[c] += (double) a / n;
                        if ((missed & Integer.lowestOneBit(countable)) != 0) {
                            firstLessonMissed[c]++;
                        }
                    }
                }
            }
        }
    }

    /**
     * How much more often than chance the rest of the class (without the student's own
     * {@code missed} and {@code expected}) misses first lessons; at least 1.
     */
    double firstLessonFactor(int schoolClass, int missed, double expected) {
        double restExpected = firstLessonExpected[schoolClass] - expected;
        int restMissed = firstLessonMissed[schoolClass] - missed;
        return restExpected < 5 ? 1 : Math.max(1, restMissed / restExpected);
    }

    /**
     * How much more often than on other weekdays the rest of the class (without the student's own
     * {@code days} and {@code absent} per weekday) is away on a weekday; at least 1.
     */
    double weekdayFactor(int schoolClass, int weekday, int[] ownDays, int[] ownAbsent) {
        int days = weekdayDays[schoolClass][weekday] - ownDays[weekday];
        int otherDays = 0;
        int otherAbsent = 0;
        for (int w = 0; w < 7; w++) {
            if (w != weekday) {
                otherDays += weekdayDays[schoolClass][w] - ownDays[w];
                otherAbsent += weekdayAbsent[schoolClass][w] - ownAbsent[w];
            }
        }
        if (days <= 0 || otherDays <= 0) {
            return 1;
        }
        double rate = (weekdayAbsent[schoolClass][weekday] - ownAbsent[weekday] + 0.5) / (days + 1.0);
        double otherRate = (otherAbsent + 0.5) / (otherDays + 1.0);
        return Math.max(1, rate / otherRate);
    }
}

package kz.qorgau.signals.school;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One student's year in compact form: one {@code long} per calendar day of the school year (four
 * 16-bit lesson masks: recorded, absent, excused, late) and the marks packed one per {@code long},
 * so that 100,000 students fit in a few hundred megabytes whatever the order of the input.
 */
final class StudentYear {

    static final int ABSENT_SHIFT = 16;
    static final int EXCUSED_SHIFT = 32;
    static final int LATE_SHIFT = 48;
    static final long MASK = 0xFFFFL;

    // Marks: day (9 bits) | subject (10 bits) | score*100 (20 bits) | max*100 (20 bits), so that sorting
    // the packed values sorts by day.
    static final int MARK_DAY_SHIFT = 50;
    static final int MARK_SUBJECT_SHIFT = 40;
    static final int MARK_SCORE_SHIFT = 20;
    static final long MARK_FIELD = (1L << 20) - 1;

    final String id;
    final int classIndex;
    final long[] days;
    long[] marks = new long[0];
    int markCount;

    @Nullable
    List<ObservationRecord> observations;

    /** The student whose row followed this one's last time: a guess that saves a hash lookup. */
    @Nullable
    StudentYear successor;

    StudentYear(String id, int classIndex, int yearDays) {
        this.id = id;
        this.classIndex = classIndex;
        this.days = new long[yearDays];
    }

    /** Records one lesson; false when that lesson of that day is already recorded. */
    boolean recordLesson(int day, int lesson, AttendanceStatus status) {
        long slot = days[day];
        long bit = 1L << (lesson - 1);
        if ((slot & bit) != 0) {
            return false;
        }
        slot |= bit;
        switch (status) {
            case PRESENT -> {}
            case ABSENT -> slot |= bit << ABSENT_SHIFT;
            case ABSENT_EXCUSED -> slot |= bit << EXCUSED_SHIFT;
            case LATE -> slot |= bit << LATE_SHIFT;
        }
        days[day] = slot;
        return true;
    }

    static long packMark(int day, int subject, long scoreHundredths, long maxHundredths) {
        return ((long) day << MARK_DAY_SHIFT)
                | ((long) subject << MARK_SUBJECT_SHIFT)
                | (scoreHundredths << MARK_SCORE_SHIFT)
                | maxHundredths;
    }

    static int markDay(long mark) {
        return (int) (mark >>> MARK_DAY_SHIFT);
    }

    static int markSubject(long mark) {
        return (int) ((mark >>> MARK_SUBJECT_SHIFT) & 0x3FF);
    }

    /** The mark as a share of its maximum. */
    static double markValue(long mark) {
        return (double) ((mark >>> MARK_SCORE_SHIFT) & MARK_FIELD) / (mark & MARK_FIELD);
    }

    /** Adds a mark; false when the same mark is already there (a linear scan: marks per student are few). */
    boolean addMark(long mark) {
        for (int i = 0; i < markCount; i++) {
            if (marks[i] == mark) {
                return false;
            }
        }
        if (markCount == marks.length) {
            marks = java.util.Arrays.copyOf(marks, Math.max(16, markCount * 2));
        }
        marks[markCount++] = mark;
        return true;
    }

    /** Adds an observation; false when an identical one is there. */
    boolean addObservation(ObservationRecord observation) {
        if (observations == null) {
            observations = new ArrayList<>(2);
        }
        if (observations.contains(observation)) {
            return false;
        }
        observations.add(observation);
        return true;
    }

    int observationCount() {
        return observations == null ? 0 : observations.size();
    }

    static int recorded(long slot) {
        return (int) (slot & MASK);
    }

    static int absent(long slot) {
        return (int) ((slot >>> ABSENT_SHIFT) & MASK);
    }

    static int excused(long slot) {
        return (int) ((slot >>> EXCUSED_SHIFT) & MASK);
    }

    /** Lessons of the day that could have been missed without excuse (recorded and not excused). */
    static int countable(long slot) {
        return recorded(slot) & ~excused(slot);
    }
}

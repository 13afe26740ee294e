package kz.qorgau.signals.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Builds a synthetic school year for one class: ordinary classmates plus the students a test is
 * about, each with a rule for their lessons and marks, then feeds it through a real {@link SchoolScan}.
 */
final class SchoolFixture {

    static final SchoolYear YEAR = new SchoolYear(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 5, 31));
    static final int LESSONS = 6;
    static final List<String> SUBJECTS =
            List.of("math", "kazakh", "russian", "english", "history", "biology", "physics", "literature");

    /** Decides one student's marks for the lessons of one day. */
    @FunctionalInterface
    interface DayRule {
        AttendanceStatus[] day(LocalDate date, Random random);
    }

    /** The expected mark (out of 5) of a student in a subject on a day. */
    @FunctionalInterface
    interface AbilityRule {
        double ability(LocalDate date, String subject);
    }

    private final Random random;
    private final Map<String, DayRule> attendance = new LinkedHashMap<>();
    private final Map<String, AbilityRule> ability = new LinkedHashMap<>();
    private final List<ObservationRecord> observations = new ArrayList<>();
    private final List<GradeRecord> extraMarks = new ArrayList<>();

    SchoolFixture(long seed) {
        this.random = new Random(seed);
    }

    /** Ordinary classmates: whole days away at random on 3% of days, steady marks. */
    SchoolFixture classmates(int count) {
        for (int i = 0; i < count; i++) {
            double level = 3.3 + random.nextDouble() * 1.4;
            student(String.format("c%03d", i), awayOnDays(0.03), steady(level));
        }
        return this;
    }

    SchoolFixture student(String id, DayRule days, AbilityRule marks) {
        attendance.put(id, days);
        ability.put(id, marks);
        return this;
    }

    SchoolFixture observe(String id, LocalDate date, String kind) {
        observations.add(new ObservationRecord(id, date, kind, ""));
        return this;
    }

    SchoolFixture extraMark(String id, LocalDate date, String subject, double score) {
        extraMarks.add(new GradeRecord(id, "school-1", "9A", date, subject, score, 5));
        return this;
    }

    /** Scans; every student with any signal is listed, flagged or not. */
    ScanReport scanListingAll(ScanOptions options) {
        return feed(options).finishListingEveryStudentWithSignals();
    }

    /** Scans as the product does: only flagged students are listed. */
    ScanReport scan(ScanOptions options) {
        return feed(options).finish();
    }

    static ScanOptions options() {
        return ScanOptions.defaults().withSchoolYear(YEAR);
    }

    static Optional<FlaggedStudent> student(ScanReport report, String id) {
        return report.flagged().stream().filter(f -> f.student().equals(id)).findFirst();
    }

    static Optional<Signal> signal(ScanReport report, String id, String kind) {
        return student(report, id)
                .flatMap(f ->
                        f.signals().stream().filter(s -> s.kind().equals(kind)).findFirst());
    }

    private SchoolScan feed(ScanOptions options) {
        SchoolScan scan = SchoolScan.begin(SchoolSignalsConfig.bundled(), options);
        long line = 1;
        for (LocalDate date : schoolDays()) {
            for (var entry : attendance.entrySet()) {
                AttendanceStatus[] lessons = entry.getValue().day(date, random);
                for (int lesson = 0; lesson < lessons.length; lesson++) {
                    scan.attendance(
                            new AttendanceRecord(entry.getKey(), "school-1", "9A", date, lesson + 1, lessons[lesson]),
                            "attendance",
                            ++line);
                }
            }
        }
        line = 1;
        for (LocalDate date : schoolDays()) {
            for (var entry : ability.entrySet()) {
                if (random.nextDouble() < 0.8) {
                    String subject = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
                    double expected = entry.getValue().ability(date, subject);
                    double score = Math.max(2, Math.min(5, Math.round(expected + random.nextGaussian() * 0.5)));
                    scan.grade(
                            new GradeRecord(entry.getKey(), "school-1", "9A", date, subject, score, 5),
                            "grades",
                            ++line);
                }
            }
        }
        for (GradeRecord mark : extraMarks) {
            scan.grade(mark, "grades", ++line);
        }
        line = 1;
        for (ObservationRecord observation : observations) {
            scan.observation(observation, "observations", ++line);
        }
        return scan;
    }

    static List<LocalDate> schoolDays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = YEAR.start(); !d.isAfter(YEAR.end()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    // Day rules.

    static AttendanceStatus[] all(AttendanceStatus status) {
        AttendanceStatus[] lessons = new AttendanceStatus[LESSONS];
        java.util.Arrays.fill(lessons, status);
        return lessons;
    }

    /** Away for whole days at random, on the given share of days. */
    static DayRule awayOnDays(double rate) {
        return (date, random) -> all(random.nextDouble() < rate ? AttendanceStatus.ABSENT : AttendanceStatus.PRESENT);
    }

    /** Away on {@code before} of days until {@code from}, on {@code after} of days from then until {@code until}. */
    static DayRule rising(LocalDate from, LocalDate until, double before, double after) {
        return (date, random) -> {
            double rate = !date.isBefore(from) && !date.isAfter(until) ? after : before;
            return all(random.nextDouble() < rate ? AttendanceStatus.ABSENT : AttendanceStatus.PRESENT);
        };
    }

    /** Away on most of one weekday, rarely otherwise. */
    static DayRule weekday(DayOfWeek weekday, double thatDay, double otherDays) {
        return (date, random) -> all(
                random.nextDouble() < (date.getDayOfWeek() == weekday ? thatDay : otherDays)
                        ? AttendanceStatus.ABSENT
                        : AttendanceStatus.PRESENT);
    }

    /** Misses single lessons on {@code rate} of days: the first lesson, or any lesson at random. */
    static DayRule singleLessons(double rate, boolean firstLesson) {
        return (date, random) -> {
            AttendanceStatus[] lessons = all(AttendanceStatus.PRESENT);
            if (random.nextDouble() < rate) {
                lessons[firstLesson ? 0 : random.nextInt(LESSONS)] = AttendanceStatus.ABSENT;
            }
            return lessons;
        };
    }

    /** Excused (ill) on every day of a period, otherwise as {@code otherwise}. */
    static DayRule illBetween(LocalDate from, LocalDate to, DayRule otherwise) {
        return (date, random) -> !date.isBefore(from) && !date.isAfter(to)
                ? all(AttendanceStatus.ABSENT_EXCUSED)
                : otherwise.day(date, random);
    }

    // Ability rules.

    static AbilityRule steady(double level) {
        return (date, subject) -> level;
    }

    /** Marks fall by {@code drop} points from {@code from} on, in the listed subjects only. */
    static AbilityRule falling(double level, LocalDate from, double drop, List<String> subjects) {
        return (date, subject) -> !date.isBefore(from) && subjects.contains(subject) ? level - drop : level;
    }
}

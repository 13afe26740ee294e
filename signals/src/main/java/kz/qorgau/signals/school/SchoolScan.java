package kz.qorgau.signals.school;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One scan of one school year's records: feed attendance first, then grades and observations (in
 * any order among themselves), then call {@link #finish()}. Rows are aggregated as they arrive into
 * compact per-student arrays indexed by day, so the input may come in any order and need not fit in
 * memory; memory is about 2.2 kB per student plus 8 bytes per mark.
 *
 * <p>Bad rows are not exceptions: they are recorded as {@link RejectedRow}s (with the source and
 * line the caller gives) and skipped, and the rest is processed. Not thread-safe; one scan per
 * thread. Time: O(1) per attendance row, O(marks of the student) per mark, and O(students × days)
 * in {@link #finish()}.
 */
public final class SchoolScan {

    /** Rejected rows kept in the report; later ones are only counted. */
    public static final int MAX_REJECTIONS_KEPT = 10_000;

    private static final int MAX_CLASSES = 1 << 20;

    private final SchoolSignalsConfig config;
    private final SchoolSignalsConfig.Limits limits;
    private final @Nullable LocalDate asOf;
    private @Nullable SchoolYear year;
    private long yearStartEpochDay;
    private int yearDays;
    private long asOfEpochDay = Long.MAX_VALUE;

    private final List<PendingLesson> pending = new ArrayList<>();
    private final Map<String, StudentYear> students = new HashMap<>();
    private final List<StudentYear> studentOrder = new ArrayList<>();
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final List<SchoolClass> classes = new ArrayList<>();
    private final Map<String, Integer> subjectIndex = new HashMap<>();
    private final List<String> subjects = new ArrayList<>();
    private @Nullable StudentYear lastStudent;
    private @Nullable StudentYear lastKnown;
    private @Nullable LocalDate lastDate;
    private int lastDayIndex;
    private boolean attendanceClosed;
    private boolean finished;

    private final List<RejectedRow> rejected = new ArrayList<>();
    private long rejectedCount;
    private long attendanceRows;
    private long gradeRows;
    private long observationRows;
    private long rowsAfterAsOf;

    private SchoolScan(SchoolSignalsConfig config, ScanOptions options) {
        this.config = config;
        this.limits = config.limits();
        this.asOf = options.asOf();
        if (asOf != null) {
            asOfEpochDay = asOf.toEpochDay();
        }
        SchoolYear given = options.schoolYear();
        if (given == null && asOf != null) {
            given = SchoolYear.containing(asOf, config.schoolYear());
        }
        if (given != null) {
            fixYear(given);
        }
    }

    /**
     * Starts a scan.
     *
     * @param config thresholds and weights, e.g. {@link SchoolSignalsConfig#bundled()}
     * @param options as-of date and school year
     */
    public static SchoolScan begin(SchoolSignalsConfig config, ScanOptions options) {
        return new SchoolScan(Objects.requireNonNull(config, "config"), Objects.requireNonNull(options, "options"));
    }

    /**
     * Adds one lesson mark. While the school year is still being inferred the first rows are held back
     * (at most {@code limits.yearInferenceSample}) and checked once it is known.
     *
     * @param record the row
     * @param source where it came from, for the rejection report
     * @param line its line in {@code source}
     * @throws IllegalStateException when grades or observations were already fed (a bug in the caller:
     *     the unknown-student check needs all attendance first)
     */
    public void attendance(AttendanceRecord record, String source, long line) {
        checkOpen();
        if (attendanceClosed) {
            throw new IllegalStateException(
                    "feed all attendance before grades and observations: grades and observations of students"
                            + " without attendance are rejected, which needs the full attendance first");
        }
        if (year == null) {
            pending.add(new PendingLesson(record, source, line));
            if (pending.size() >= limits.yearInferenceSample()) {
                inferYear();
            }
            return;
        }
        addLesson(record, source, line);
    }

    /**
     * Adds one mark. Closes attendance on first call.
     *
     * @param record the row
     * @param source where it came from, for the rejection report
     * @param line its line in {@code source}
     */
    public void grade(GradeRecord record, String source, long line) {
        checkOpen();
        closeAttendance();
        String problem = checkId("student", record.student());
        if (problem == null) problem = checkId("school", record.school());
        if (problem == null) problem = checkId("class", record.schoolClass());
        if (problem == null) problem = checkId("subject", record.subject());
        if (problem != null) {
            reject(source, line, problem);
            return;
        }
        int day = dayOf(record.date(), source, line);
        if (day < 0) {
            return;
        }
        double max = record.maxScore();
        double score = record.score();
        if (!(max > 0) || max > limits.maxScore()) {
            reject(
                    source,
                    line,
                    "max_score " + number(max) + " must be above 0 and at most " + number(limits.maxScore()));
            return;
        }
        if (!(score >= 0)) {
            reject(source, line, "score " + number(score) + " must be 0 or more");
            return;
        }
        if (score > max) {
            reject(source, line, "score " + number(score) + " is above max_score " + number(max));
            return;
        }
        StudentYear student = knownStudent(record.student());
        if (student == null) {
            reject(
                    source,
                    line,
                    "student " + record.student()
                            + " has no attendance rows; marks are accepted only for students in the attendance file"
                            + " (check the student identifier)");
            return;
        }
        if (student.markCount >= limits.maxGradesPerStudent()) {
            reject(
                    source,
                    line,
                    "student " + record.student() + " already has " + limits.maxGradesPerStudent()
                            + " marks (limits.maxGradesPerStudent)");
            return;
        }
        String subjectName = record.subject().strip().toLowerCase(java.util.Locale.ROOT);
        Integer subject = subjectIndex.get(subjectName);
        if (subject == null) {
            if (subjects.size() >= limits.maxSubjects()) {
                reject(source, line, "more than " + limits.maxSubjects() + " subjects (limits.maxSubjects)");
                return;
            }
            subject = subjects.size();
            subjectIndex.put(subjectName, subject);
            subjects.add(subjectName);
        }
        long mark = StudentYear.packMark(day, subject, Math.round(score * 100), Math.round(max * 100));
        if (!student.addMark(mark)) {
            reject(
                    source,
                    line,
                    "duplicate row: the same mark for " + record.student() + " in " + subjectName + " on "
                            + record.date() + " is already recorded");
            return;
        }
        gradeRows++;
    }

    /**
     * Adds one observation. Closes attendance on first call.
     *
     * @param record the row
     * @param source where it came from, for the rejection report
     * @param line its line in {@code source}
     */
    public void observation(ObservationRecord record, String source, long line) {
        checkOpen();
        closeAttendance();
        String problem = checkId("student", record.student());
        if (problem == null && record.note().length() > limits.maxNoteLength()) {
            problem = "note is longer than " + limits.maxNoteLength() + " characters (limits.maxNoteLength)";
        }
        if (problem != null) {
            reject(source, line, problem);
            return;
        }
        String kind = record.kind().strip().toLowerCase(java.util.Locale.ROOT);
        if (!config.isObservationKind(kind)) {
            reject(
                    source,
                    line,
                    "unknown observation kind '" + record.kind() + "'; known kinds: "
                            + config.families().getOrDefault("observations", List.of()));
            return;
        }
        int day = dayOf(record.date(), source, line);
        if (day < 0) {
            return;
        }
        StudentYear student = students.get(record.student());
        if (student == null) {
            reject(
                    source,
                    line,
                    "student " + record.student()
                            + " has no attendance rows; observations are accepted only for students in the attendance file"
                            + " (check the student identifier)");
            return;
        }
        if (student.observationCount() >= limits.maxObservationsPerStudent()) {
            reject(
                    source,
                    line,
                    "student " + record.student() + " already has " + limits.maxObservationsPerStudent()
                            + " observations (limits.maxObservationsPerStudent)");
            return;
        }
        ObservationRecord normalized = new ObservationRecord(
                record.student(), record.date(), kind, record.note().strip());
        if (!student.addObservation(normalized)) {
            reject(source, line, "duplicate row: the same observation is already recorded");
            return;
        }
        observationRows++;
    }

    /**
     * Records a row that could not even be read (wrong number of fields, a header that does not
     * name the required columns, a value that does not parse).
     */
    public void reject(String source, long line, String reason) {
        rejectedCount++;
        if (rejected.size() < MAX_REJECTIONS_KEPT) {
            rejected.add(new RejectedRow(source, line, reason));
        }
    }

    /**
     * Runs the detectors over every student and combines their signals. The scan cannot be fed
     * after this.
     *
     * @return flagged students with their evidence, rejected rows and counts
     */
    public ScanReport finish() {
        return finish(false);
    }

    /**
     * For tests of single detectors: like {@link #finish()}, but every student with any signal is in
     * {@link ScanReport#flagged()}, whatever the score.
     */
    ScanReport finishListingEveryStudentWithSignals() {
        return finish(true);
    }

    private ScanReport finish(boolean everyoneWithSignals) {
        checkOpen();
        closeAttendance();
        finished = true;
        List<FlaggedStudent> flagged = new ArrayList<>();
        int withSignals = 0;
        SchoolYear fixed = year;
        if (fixed != null && !studentOrder.isEmpty()) {
            int lastDay = yearDays - 1;
            if (asOf != null) {
                lastDay = (int) Math.min(lastDay, asOfEpochDay - yearStartEpochDay);
            }
            var context = new ScanContext(config, fixed, lastDay, classes, subjects, studentOrder);
            var detectors = new StudentDetectors(context);
            for (StudentYear student : studentOrder) {
                List<Signal> signals = detectors.detect(student);
                if (signals.isEmpty()) {
                    continue;
                }
                withSignals++;
                SignalCombination combination = SignalCombination.of(signals, config);
                if (everyoneWithSignals || combination.score() >= config.flagThreshold()) {
                    SchoolClass schoolClass = classes.get(student.classIndex);
                    flagged.add(new FlaggedStudent(
                            student.id,
                            schoolClass.school(),
                            schoolClass.name(),
                            combination.score(),
                            combination.signals()));
                }
            }
        }
        flagged.sort(
                Comparator.comparingDouble(FlaggedStudent::score).reversed().thenComparing(FlaggedStudent::student));
        var counts = new ScanReport.Counts(
                studentOrder.size(),
                attendanceRows,
                gradeRows,
                observationRows,
                rowsAfterAsOf,
                rejectedCount,
                withSignals);
        // Rows held back while the year was inferred are rejected late; report in input order.
        Map<String, Integer> sourceOrder = new HashMap<>();
        rejected.forEach(r -> sourceOrder.putIfAbsent(r.source(), sourceOrder.size()));
        rejected.sort(Comparator.comparing((RejectedRow r) -> sourceOrder.get(r.source()))
                .thenComparingLong(RejectedRow::line));
        return new ScanReport(config.version(), year, asOf, flagged, rejected, counts);
    }

    /** The school year in use, once known (given, from the as-of date, or inferred). */
    public @Nullable SchoolYear schoolYear() {
        return year;
    }

    /** A student with attendance, remembering the last one found (marks often come grouped by student). */
    private @Nullable StudentYear knownStudent(String id) {
        StudentYear last = lastKnown;
        if (last != null && last.id.equals(id)) {
            return last;
        }
        StudentYear found = students.get(id);
        if (found != null) {
            lastKnown = found;
        }
        return found;
    }

    long maxRowsPerFile() {
        return limits.maxRowsPerFile();
    }

    private void addLesson(AttendanceRecord record, String source, long line) {
        int day = dayOf(record.date(), source, line);
        if (day < 0) {
            return;
        }
        if (record.lesson() < 1 || record.lesson() > limits.maxLessonsPerDay()) {
            reject(source, line, "lesson " + record.lesson() + " must be between 1 and " + limits.maxLessonsPerDay());
            return;
        }
        StudentYear student = lastStudent;
        if (student == null || !student.id.equals(record.student())) {
            // Exports list a day's rows in the same student order every day, so the student that
            // followed this one last time is the likely next one: one object to check instead of a
            // hash lookup across all students.
            StudentYear predicted = student == null ? null : student.successor;
            if (predicted != null && predicted.id.equals(record.student())) {
                student = predicted;
            } else {
                StudentYear previous = student;
                student = students.get(record.student());
                if (previous != null && student != null) {
                    previous.successor = student;
                }
            }
        }
        if (student == null) {
            String problem = checkId("student", record.student());
            if (problem == null) problem = checkId("school", record.school());
            if (problem == null) problem = checkId("class", record.schoolClass());
            if (problem != null) {
                reject(source, line, problem);
                return;
            }
            if (students.size() >= limits.maxStudents()) {
                reject(source, line, "more than " + limits.maxStudents() + " students (limits.maxStudents)");
                return;
            }
            int schoolClass =
                    classOf(record.school().strip(), record.schoolClass().strip());
            if (schoolClass < 0) {
                reject(source, line, "more than " + MAX_CLASSES + " classes");
                return;
            }
            student = new StudentYear(record.student(), schoolClass, yearDays);
            students.put(record.student(), student);
            studentOrder.add(student);
            if (lastStudent != null) {
                lastStudent.successor = student;
            }
        }
        lastStudent = student;
        if (!student.recordLesson(day, record.lesson(), record.status())) {
            reject(
                    source,
                    line,
                    "duplicate row: lesson " + record.lesson() + " of " + record.student() + " on " + record.date()
                            + " is already recorded");
            return;
        }
        attendanceRows++;
    }

    /** The day's index in the year, or -1 after rejecting or counting the row. */
    private int dayOf(LocalDate date, String source, long line) {
        if (date == lastDate) {
            return lastDayIndex; // rows of one day usually come together and share the parsed date
        }
        int day = computeDayOf(date, source, line);
        if (day >= 0) {
            lastDate = date;
            lastDayIndex = day;
        }
        return day;
    }

    private int computeDayOf(LocalDate date, String source, long line) {
        SchoolYear fixed = year;
        if (fixed == null) {
            reject(
                    source,
                    line,
                    "no attendance rows came before this row, so the school year and the students are"
                            + " unknown; give the attendance file (or the school year) first");
            return -1;
        }
        long epochDay = date.toEpochDay();
        long index = epochDay - yearStartEpochDay;
        if (index < 0 || index >= yearDays) {
            reject(
                    source,
                    line,
                    "date " + date + " is outside the school year " + fixed
                            + " (give the school year explicitly if this is wrong)");
            return -1;
        }
        if (epochDay > asOfEpochDay) {
            rowsAfterAsOf++;
            return -1;
        }
        return (int) index;
    }

    private int classOf(String school, String name) {
        String key = school + '\u0000' + name;
        Integer index = classIndex.get(key);
        if (index == null) {
            if (classes.size() >= MAX_CLASSES) {
                return -1;
            }
            index = classes.size();
            classIndex.put(key, index);
            classes.add(new SchoolClass(school, name));
        }
        return index;
    }

    private @Nullable String checkId(String field, String value) {
        if (value.isBlank()) {
            return field + " is empty";
        }
        if (value.length() > limits.maxFieldLength()) {
            return field + " is longer than " + limits.maxFieldLength() + " characters (limits.maxFieldLength)";
        }
        return null;
    }

    private void closeAttendance() {
        if (!attendanceClosed) {
            if (year == null) {
                inferYear();
            }
            attendanceClosed = true;
        }
    }

    /** Takes the school year that most of the held-back rows fall in, then processes them. */
    private void inferYear() {
        if (pending.isEmpty()) {
            return;
        }
        Map<LocalDate, Integer> votes = new HashMap<>();
        for (PendingLesson lesson : pending) {
            votes.merge(
                    SchoolYear.containing(lesson.record().date(), config.schoolYear())
                            .start(),
                    1,
                    Integer::sum);
        }
        LocalDate start = votes.entrySet().stream()
                .max(Map.Entry.<LocalDate, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
        fixYear(SchoolYear.startingIn(start.getYear(), config.schoolYear()));
        for (PendingLesson lesson : pending) {
            addLesson(lesson.record(), lesson.source(), lesson.line());
        }
        pending.clear();
    }

    private void fixYear(SchoolYear schoolYear) {
        this.year = schoolYear;
        this.yearStartEpochDay = schoolYear.start().toEpochDay();
        this.yearDays = schoolYear.lengthInDays();
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("this scan is finished; begin a new one");
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    private record PendingLesson(AttendanceRecord record, String source, long line) {}

    /** A class of a school. */
    record SchoolClass(String school, String name) {}
}

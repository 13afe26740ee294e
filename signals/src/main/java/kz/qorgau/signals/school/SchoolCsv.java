package kz.qorgau.signals.school;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the three CSV inputs (RFC 4180: comma-separated, fields with commas, quotes or line breaks
 * in double quotes) into a {@link SchoolScan}. Columns are found by their header names
 * (case and order do not matter, extra columns are ignored, a UTF-8 byte-order mark is skipped);
 * a file whose header lacks a required column is rejected at line 1 and not read. Every other bad
 * row is rejected with its line number and skipped. Rows are streamed: memory does not grow with the
 * file, only with the students.
 */
public final class SchoolCsv {

    /** Required attendance columns. */
    public static final List<String> ATTENDANCE_COLUMNS =
            List.of("student", "school", "class", "date", "lesson", "status");
    /** Required grade columns. */
    public static final List<String> GRADE_COLUMNS =
            List.of("student", "school", "class", "date", "subject", "score", "max_score");
    /** Required observation columns ({@code note} may be absent). */
    public static final List<String> OBSERVATION_COLUMNS = List.of("student", "date", "kind");

    /** Longest row accepted, in characters; a longer one usually means a quote left open. */
    static final int MAX_ROW_CHARS = 1 << 20;

    private SchoolCsv() {}

    /**
     * A named CSV stream. The caller keeps ownership and closes it.
     *
     * @param name how rejections refer to it, e.g. the file name
     * @param reader the text
     */
    public record Source(String name, Reader reader) {
        /** Checks that nothing is null. */
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reader, "reader");
        }
    }

    /**
     * Reads attendance, then grades, then observations (if any) and finishes the scan.
     *
     * @param attendance {@code student,school,class,date,lesson,status}
     * @param grades {@code student,school,class,date,subject,score,max_score}
     * @param observations {@code student,date,kind,note}, or null
     * @throws UncheckedIOException when a stream cannot be read
     */
    public static ScanReport scan(
            Source attendance,
            Source grades,
            @Nullable Source observations,
            SchoolSignalsConfig config,
            ScanOptions options) {
        SchoolScan scan = SchoolScan.begin(config, options);
        readAttendance(attendance, scan);
        readGrades(grades, scan);
        if (observations != null) {
            readObservations(observations, scan);
        }
        return scan.finish();
    }

    /**
     * Feeds attendance rows to the scan; the hot path of a large import, O(1) per row and without a
     * string per field when consecutive rows repeat the student, school, class or date.
     */
    public static void readAttendance(Source source, SchoolScan scan) {
        read(source, scan, ATTENDANCE_COLUMNS, new RowReader() {
            private String student = "";
            private String school = "";
            private String schoolClass = "";
            private String dateText = "";
            private @Nullable LocalDate date;

            @Override
            public void row(CsvRowReader row, int[] at, long line) {
                if (!row.fieldEquals(at[3], dateText) || date == null) {
                    String text = row.field(at[3]);
                    date = parseDate(text);
                    dateText = text;
                }
                int lesson = row.smallNumber(at[4]);
                if (lesson < 0) {
                    lesson = parseInt(row.field(at[4]), "lesson");
                }
                AttendanceStatus status = status(row, at[5]);
                if (!row.fieldEquals(at[0], student)) {
                    student = row.field(at[0]).strip();
                }
                if (!row.fieldEquals(at[1], school)) {
                    school = row.field(at[1]);
                }
                if (!row.fieldEquals(at[2], schoolClass)) {
                    schoolClass = row.field(at[2]);
                }
                scan.attendance(
                        new AttendanceRecord(student, school, schoolClass, date, lesson, status), source.name(), line);
            }
        });
    }

    private static AttendanceStatus status(CsvRowReader row, int field) {
        if (row.fieldEquals(field, "present")) return AttendanceStatus.PRESENT;
        if (row.fieldEquals(field, "absent")) return AttendanceStatus.ABSENT;
        if (row.fieldEquals(field, "late")) return AttendanceStatus.LATE;
        if (row.fieldEquals(field, "absent-excused")) return AttendanceStatus.ABSENT_EXCUSED;
        String text = row.field(field);
        return AttendanceStatus.fromCsv(text)
                .orElseThrow(() ->
                        new BadField("unknown status '" + text + "'; use present, absent, absent-excused or late"));
    }

    /**
     * Feeds grade rows to the scan. Attendance must have been read first. Like attendance, repeated
     * values of consecutive rows are compared in place rather than copied.
     */
    public static void readGrades(Source source, SchoolScan scan) {
        read(source, scan, GRADE_COLUMNS, new RowReader() {
            private final RepeatedText student = new RepeatedText();
            private final RepeatedText school = new RepeatedText();
            private final RepeatedText schoolClass = new RepeatedText();
            private final RepeatedText subject = new RepeatedText();
            private String dateText = "";
            private @Nullable LocalDate date;

            @Override
            public void row(CsvRowReader row, int[] at, long line) {
                if (!row.fieldEquals(at[3], dateText) || date == null) {
                    String text = row.field(at[3]);
                    date = parseDate(text);
                    dateText = text;
                }
                int score = row.smallNumber(at[5]);
                int max = row.smallNumber(at[6]);
                scan.grade(
                        new GradeRecord(
                                student.of(row, at[0]).strip(),
                                school.of(row, at[1]),
                                schoolClass.of(row, at[2]),
                                date,
                                subject.of(row, at[4]),
                                score >= 0 ? score : parseNumber(row.field(at[5]), "score"),
                                max >= 0 ? max : parseNumber(row.field(at[6]), "max_score")),
                        source.name(),
                        line);
            }
        });
    }

    /** The last text seen in a column, reused while the column repeats it. */
    private static final class RepeatedText {
        private String last = "";

        String of(CsvRowReader row, int field) {
            if (!row.fieldEquals(field, last)) {
                last = row.field(field);
            }
            return last;
        }
    }

    /** Feeds observation rows to the scan. Attendance must have been read first. */
    public static void readObservations(Source source, SchoolScan scan) {
        List<String> columns = new ArrayList<>(OBSERVATION_COLUMNS);
        columns.add("note?");
        read(
                source,
                scan,
                columns,
                (row, at, line) -> scan.observation(
                        new ObservationRecord(
                                row.field(at[0]).strip(),
                                parseDate(row.field(at[1])),
                                row.field(at[2]),
                                at[3] < 0 || at[3] >= row.size() ? "" : row.field(at[3])),
                        source.name(),
                        line));
    }

    /**
     * Reads every row of a CSV stream and splits it into field strings without interpreting them:
     * the cost of parsing alone, which the benchmark compares a scan with.
     *
     * @return the number of fields read
     */
    public static long splitOnly(Source source) {
        CsvRowReader row = new CsvRowReader(source.reader(), MAX_ROW_CHARS);
        long count = 0;
        try {
            while (row.next()) {
                for (int i = 0; i < row.size(); i++) {
                    count += row.field(i).isEmpty() ? 0 : 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.name(), e);
        } catch (CsvRowReader.Malformed e) {
            throw new IllegalArgumentException(source.name() + ": " + e.getMessage(), e);
        }
        return count;
    }

    @FunctionalInterface
    private interface RowReader {
        void row(CsvRowReader row, int[] columnAt, long line);
    }

    /** A value that does not parse; becomes a rejection of its row. */
    private static final class BadField extends RuntimeException {
        BadField(String message) {
            super(message, null, false, false);
        }
    }

    private static void read(Source source, SchoolScan scan, List<String> columns, RowReader reader) {
        long maxRows = scan.maxRowsPerFile();
        CsvRowReader row = new CsvRowReader(source.reader(), MAX_ROW_CHARS);
        try {
            if (!row.next()) {
                return; // an empty file has no rows to reject
            }
            List<String> header = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                header.add(row.field(i));
            }
            int[] index = row.malformed() ? null : columnIndexes(header, columns);
            if (index == null) {
                scan.reject(
                        source.name(),
                        row.line(),
                        "the header must name the columns " + required(columns) + " (got " + String.join(",", header)
                                + "); the file was not read");
                return;
            }
            int needed = 0;
            for (int i = 0; i < columns.size(); i++) {
                if (!columns.get(i).endsWith("?")) {
                    needed = Math.max(needed, index[i] + 1);
                }
            }
            long rows = 0;
            while (row.next()) {
                long line = row.line();
                if (++rows > maxRows) {
                    scan.reject(
                            source.name(),
                            line,
                            "more than " + maxRows + " rows (limits.maxRowsPerFile); the rest of the file was skipped");
                    return;
                }
                if (row.malformed()) {
                    scan.reject(source.name(), line, "text after a closing quote; quote the whole field");
                    continue;
                }
                if (row.size() < needed) {
                    scan.reject(source.name(), line, "expected at least " + needed + " fields, got " + row.size());
                    continue;
                }
                try {
                    reader.row(row, index, line);
                } catch (BadField e) {
                    scan.reject(source.name(), line, e.getMessage());
                }
            }
        } catch (CsvRowReader.Malformed e) {
            scan.reject(source.name(), row.line(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.name(), e);
        }
    }

    /** Column positions in the order of {@code columns}; -1 for an absent optional column; null if one is missing. */
    private static int @Nullable [] columnIndexes(List<String> header, List<String> columns) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            positions.putIfAbsent(name, i);
        }
        int[] index = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            boolean optional = column.endsWith("?");
            Integer position = positions.get(optional ? column.substring(0, column.length() - 1) : column);
            if (position == null && !optional) {
                return null;
            }
            index[c] = position == null ? -1 : position;
        }
        return index;
    }

    private static String required(List<String> columns) {
        return String.join(",", columns.stream().filter(c -> !c.endsWith("?")).toList());
    }

    /** Parses {@code YYYY-MM-DD} without the formatter machinery (it is on the path of every row). */
    static LocalDate parseDate(String text) {
        String value = text.strip();
        if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
            int year = digits(value, 0, 4);
            int month = digits(value, 5, 7);
            int day = digits(value, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    throw new BadField("date '" + text + "' does not exist");
                }
            }
        }
        throw new BadField("date '" + text + "' is not an ISO date (YYYY-MM-DD)");
    }

    private static int digits(String value, int from, int to) {
        int result = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    private static int parseInt(String text, String field) {
        String value = text.strip();
        if (value.length() == 1 && value.charAt(0) >= '0' && value.charAt(0) <= '9') {
            return value.charAt(0) - '0';
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadField(field + " '" + text + "' is not a whole number");
        }
    }

    /** A number with a decimal point or a decimal comma (as Russian- and Kazakh-language exports write it). */
    private static double parseNumber(String text, String field) {
        String value = text.strip().replace(',', '.');
        try {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadField(field + " '" + text + "' is not a number");
        }
    }
}

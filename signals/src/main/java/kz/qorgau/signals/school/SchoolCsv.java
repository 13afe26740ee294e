package kz.qorgau.signals.school;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads the three CSV inputs into a {@link SchoolScan}. Columns are found by their header names
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

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .get();

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

    /** Feeds attendance rows to the scan; the hot path of a large import, O(1) per row. */
    public static void readAttendance(Source source, SchoolScan scan) {
        read(source, scan, ATTENDANCE_COLUMNS, new RowReader() {
            private String lastDateText = "";
            private @Nullable LocalDate lastDate;

            @Override
            public void row(String[] f, long line) {
                LocalDate date;
                if (f[3].equals(lastDateText) && lastDate != null) {
                    date = lastDate;
                } else {
                    date = parseDate(f[3]);
                    lastDateText = f[3];
                    lastDate = date;
                }
                int lesson = parseInt(f[4], "lesson");
                AttendanceStatus status = AttendanceStatus.fromCsv(f[5])
                        .orElseThrow(() -> new BadField(
                                "unknown status '" + f[5] + "'; use present, absent, absent-excused or late"));
                scan.attendance(
                        new AttendanceRecord(f[0].strip(), f[1], f[2], date, lesson, status), source.name(), line);
            }
        });
    }

    /** Feeds grade rows to the scan. Attendance must have been read first. */
    public static void readGrades(Source source, SchoolScan scan) {
        read(
                source,
                scan,
                GRADE_COLUMNS,
                (f, line) -> scan.grade(
                        new GradeRecord(
                                f[0].strip(),
                                f[1],
                                f[2],
                                parseDate(f[3]),
                                f[4],
                                parseNumber(f[5], "score"),
                                parseNumber(f[6], "max_score")),
                        source.name(),
                        line));
    }

    /** Feeds observation rows to the scan. Attendance must have been read first. */
    public static void readObservations(Source source, SchoolScan scan) {
        List<String> columns = new ArrayList<>(OBSERVATION_COLUMNS);
        columns.add("note?");
        read(
                source,
                scan,
                columns,
                (f, line) -> scan.observation(
                        new ObservationRecord(f[0].strip(), parseDate(f[1]), f[2], f[3] == null ? "" : f[3]),
                        source.name(),
                        line));
    }

    @FunctionalInterface
    private interface RowReader {
        void row(String[] fields, long line);
    }

    /** A value that does not parse; becomes a rejection of its row. */
    private static final class BadField extends RuntimeException {
        BadField(String message) {
            super(message, null, false, false);
        }
    }

    private static void read(Source source, SchoolScan scan, List<String> columns, RowReader reader) {
        long maxRows = scan.maxRowsPerFile();
        try (CSVParser parser =
                CSVParser.builder().setReader(source.reader()).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return; // an empty file has no rows to reject
            }
            CSVRecord header = records.next();
            int[] index = columnIndexes(header, columns);
            if (index == null) {
                scan.reject(
                        source.name(),
                        parser.getCurrentLineNumber(),
                        "the header must name the columns " + required(columns) + " (got "
                                + String.join(",", header.values()) + "); the file was not read");
                return;
            }
            int needed = 0;
            for (int i : index) {
                needed = Math.max(needed, i + 1);
            }
            String[] fields = new String[columns.size()];
            long rows = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    scan.reject(
                            source.name(),
                            parser.getCurrentLineNumber(),
                            "the CSV cannot be read from here on ("
                                    + e.getCause().getMessage() + "); the rest of the file was skipped");
                    return;
                }
                long line = parser.getCurrentLineNumber();
                if (++rows > maxRows) {
                    scan.reject(
                            source.name(),
                            line,
                            "more than " + maxRows + " rows (limits.maxRowsPerFile); the rest of the file was skipped");
                    return;
                }
                if (record.size() < needed) {
                    scan.reject(source.name(), line, "expected at least " + needed + " fields, got " + record.size());
                    continue;
                }
                for (int c = 0; c < fields.length; c++) {
                    fields[c] = index[c] < 0 ? null : record.get(index[c]);
                }
                try {
                    reader.row(fields, line);
                } catch (BadField e) {
                    scan.reject(source.name(), line, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.name(), e);
        }
    }

    /** Column positions in the order of {@code columns}; -1 for an absent optional column; null if one is missing. */
    private static int @Nullable [] columnIndexes(CSVRecord header, List<String> columns) {
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

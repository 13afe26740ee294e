package kz.qorgau.signals.school;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * An RFC 4180 row reader for the hot path of large attendance files: quoted fields with commas,
 * doubled quotes and line breaks, LF or CRLF line ends, empty lines skipped. Fields are offsets into
 * a reused buffer, so a caller can compare or parse them without creating a string per field.
 *
 * <p>Why not Apache Commons CSV, which the project would otherwise prefer: it creates a record, a
 * list and a string per field, and on a school year of 100,000 students (100 million attendance
 * rows) parsing alone with it took about twice the CPU time of splitting with this reader — more
 * than the whole scan. {@code CsvRowReaderTest} checks
 * this reader against Commons CSV on generated awkward input.
 */
final class CsvRowReader {

    /** Thrown when a row cannot be read at all (an unterminated quote, a row beyond the length limit). */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final Reader in;
    private final int maxRowChars;
    private char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private long nextLine = 1;
    private long rowLine;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int fields;
    private boolean malformedRow;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    CsvRowReader(Reader in, int maxRowChars) {
        this.in = in;
        this.maxRowChars = maxRowChars;
    }

    /**
     * Reads the next non-empty row.
     *
     * @return false at the end of the input
     * @throws Malformed when the end of the row cannot be found; the reader cannot continue after this
     */
    boolean next() throws IOException, Malformed {
        while (true) {
            if (nextUnquoted()) {
                return true;
            }
            int rowStart = pos;
            int scan = pos;
            int state = FIELD_START;
            int newlines = 0;
            malformedRow = false;
            // Find the end of the row: the first line break outside a quoted field. A quote opens a
            // quoted field only at the start of a field, as in RFC 4180 and Commons CSV.
            scanning:
            while (true) {
                if (scan == limit) {
                    int consumed = rowStart;
                    boolean more = fill(rowStart);
                    scan -= consumed;
                    rowStart = 0;
                    if (!more) {
                        break;
                    }
                    continue;
                }
                char c = buf[scan];
                switch (state) {
                    case FIELD_START -> state = c == '"' ? QUOTED : c == ',' ? FIELD_START : UNQUOTED;
                    case UNQUOTED -> {
                        if (c == ',') state = FIELD_START;
                    }
                    case QUOTED -> {
                        if (c == '"') state = QUOTE_IN_QUOTED;
                        else if (c == '\n') newlines++;
                    }
                    default -> { // QUOTE_IN_QUOTED
                        if (c == '"') state = QUOTED;
                        else if (c == ',') state = FIELD_START;
                        else if (c != '\n' && c != '\r') {
                            malformedRow = true;
                            state = UNQUOTED;
                        }
                    }
                }
                if (c == '\n' && state != QUOTED) {
                    break scanning;
                }
                scan++;
                if (scan - rowStart > maxRowChars) {
                    throw new Malformed("a row is longer than " + maxRowChars
                            + " characters (is a quote left open?); the rest of the file was skipped");
                }
            }
            rowLine = nextLine;
            boolean atEnd = scan == limit;
            if (state == QUOTED) {
                throw new Malformed("a quoted field is not closed before the end of the file");
            }
            nextLine += newlines + (atEnd ? 0 : 1);
            pos = atEnd ? scan : scan + 1;
            int rowEnd = scan;
            if (rowEnd > rowStart && buf[rowEnd - 1] == '\r') {
                rowEnd--;
            }
            if (rowEnd == rowStart) {
                if (atEnd) {
                    return false;
                }
                continue; // an empty line
            }
            if (!malformedRow) {
                split(rowStart, rowEnd);
            } else {
                fields = 0;
            }
            return true;
        }
    }

    /**
     * The common case in one pass: a row without any quote that lies wholly in the buffer is split at
     * its commas while its end is found. False (and nothing consumed) when the row has a quote, does
     * not end in the buffer, or is empty, so that the general path reads it.
     */
    private boolean nextUnquoted() {
        int k = pos;
        int end = limit;
        int field = 0;
        int fieldStart = k;
        while (k < end) {
            char c = buf[k];
            if (c == ',') {
                if (field + 1 >= starts.length) {
                    grow();
                }
                starts[field] = fieldStart;
                ends[field] = k;
                quoted[field] = false;
                field++;
                fieldStart = k + 1;
            } else if (c == '\n') {
                int rowEnd = k > pos && buf[k - 1] == '\r' ? k - 1 : k;
                if (rowEnd == pos) {
                    return false; // an empty line: the general path skips it
                }
                if (field + 1 >= starts.length) {
                    grow();
                }
                starts[field] = fieldStart;
                ends[field] = Math.max(fieldStart, rowEnd);
                quoted[field] = false;
                fields = field + 1;
                malformedRow = false;
                rowLine = nextLine++;
                pos = k + 1;
                return true;
            } else if (c == '"') {
                return false;
            }
            k++;
        }
        return false;
    }

    /** Whether the current row has text after a closing quote; such a row has no fields. */
    boolean malformed() {
        return malformedRow;
    }

    /** Line of the input where the current row starts, from 1. */
    long line() {
        return rowLine;
    }

    int size() {
        return fields;
    }

    /** The field's text, quotes removed and doubled quotes undone. */
    String field(int i) {
        int start = starts[i];
        int end = ends[i];
        if (!quoted[i]) {
            return new String(buf, start, end - start);
        }
        StringBuilder text = new StringBuilder(end - start);
        for (int k = start; k < end; k++) {
            char c = buf[k];
            text.append(c);
            if (c == '"') {
                k++; // the second of a doubled quote
            }
        }
        return text.toString();
    }

    /** Whether the field's text equals {@code text}, without creating a string. */
    boolean fieldEquals(int i, String text) {
        if (quoted[i]) {
            return field(i).equals(text);
        }
        int length = ends[i] - starts[i];
        if (length != text.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (buf[starts[i] + k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The field as a small non-negative decimal number, or -1 when it is anything else. */
    int smallNumber(int i) {
        int length = ends[i] - starts[i];
        if (quoted[i] || length == 0 || length > 6) {
            return -1;
        }
        int value = 0;
        for (int k = starts[i]; k < ends[i]; k++) {
            char c = buf[k];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private void split(int rowStart, int rowEnd) {
        fields = 0;
        int k = rowStart;
        while (true) {
            if (fields == starts.length) {
                starts = Arrays.copyOf(starts, fields * 2);
                ends = Arrays.copyOf(ends, fields * 2);
                quoted = Arrays.copyOf(quoted, fields * 2);
            }
            if (k < rowEnd && buf[k] == '"') {
                int start = k + 1;
                int j = start;
                while (true) {
                    // the row end was found outside quotes, so a closing quote exists before it
                    if (buf[j] == '"') {
                        if (j + 1 < rowEnd && buf[j + 1] == '"') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                starts[fields] = start;
                ends[fields] = j;
                quoted[fields] = true;
                fields++;
                k = j + 1;
                if (k == rowEnd) {
                    return;
                }
                k++; // the comma: text after a closing quote was caught as a malformed row
                if (k == rowEnd) {
                    starts[fields == starts.length ? grow() : fields] = k;
                    ends[fields] = k;
                    quoted[fields] = false;
                    fields++;
                    return;
                }
            } else {
                int start = k;
                while (k < rowEnd && buf[k] != ',') {
                    k++;
                }
                starts[fields] = start;
                ends[fields] = k;
                quoted[fields] = false;
                fields++;
                if (k == rowEnd) {
                    return;
                }
                k++;
                if (k == rowEnd) {
                    // a trailing comma: one more empty field
                    starts[fields == starts.length ? grow() : fields] = k;
                    ends[fields] = k;
                    quoted[fields] = false;
                    fields++;
                    return;
                }
            }
        }
    }

    private int grow() {
        starts = Arrays.copyOf(starts, starts.length * 2);
        ends = Arrays.copyOf(ends, ends.length * 2);
        quoted = Arrays.copyOf(quoted, quoted.length * 2);
        return fields;
    }

    /** Moves the unread part from {@code keepFrom} to the front and reads more; false at the end of input. */
    private boolean fill(int keepFrom) throws IOException {
        int kept = limit - keepFrom;
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, kept);
        } else if (kept == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        pos = 0;
        limit = kept;
        if (eof) {
            return false;
        }
        int read = in.read(buf, limit, buf.length - limit);
        if (read < 0) {
            eof = true;
            return false;
        }
        limit += read;
        return true;
    }
}

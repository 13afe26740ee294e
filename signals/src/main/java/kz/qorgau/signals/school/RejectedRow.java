package kz.qorgau.signals.school;

/**
 * A rejected input row.
 *
 * @param source the file or stream it came from, e.g. {@code grades.csv}
 * @param line its line number in that source, from 1 (the header is line 1 of a CSV file), or its
 *     position for records handed over without a file
 * @param reason what is wrong and how to fix it
 */
public record RejectedRow(String source, long line, String reason) {
    @Override
    public String toString() {
        return source + ":" + line + ": " + reason;
    }
}

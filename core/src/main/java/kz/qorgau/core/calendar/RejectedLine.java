package kz.qorgau.core.calendar;

/**
 * A line of a calendar file that was not accepted.
 *
 * @param lineNumber the 1-based line number
 * @param line the line as read (truncated to 200 characters)
 * @param reason what is wrong and how to fix it
 */
public record RejectedLine(int lineNumber, String line, String reason) {

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason + " [" + line + "]";
    }
}

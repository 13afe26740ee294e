package kz.qorgau.signals.text;

import java.util.Objects;

/**
 * A stretch of an original text, quoted as it was written: the evidence behind a signal.
 *
 * @param start index of the first {@code char} in the original text
 * @param end index after the last {@code char}
 * @param quote the original text between them
 */
public record TextSpan(int start, int end, String quote) {

    /** Checks the bounds. */
    public TextSpan {
        Objects.requireNonNull(quote, "quote");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span bounds must satisfy 0 <= start <= end, got " + start + ".." + end);
        }
    }

    /** The span {@code [start, end)} of {@code text}. */
    public static TextSpan of(String text, int start, int end) {
        return new TextSpan(start, end, text.substring(start, end));
    }
}

package kz.qorgau.signals.text;

import java.util.Objects;

/**
 * One word, number or emoji of a {@link NormalizedText}.
 *
 * @param kind what it is
 * @param start index of its first {@code char} in the original text
 * @param end index after its last {@code char} in the original text
 * @param original the original characters, {@code text.substring(start, end)}
 * @param canonical NFKC, case-folded, look-alikes resolved into the word's own script (ASCII digits
 *     for a {@link TokenKind#NUMBER})
 * @param key the script-independent match key: ASCII letters and digits only, the same for
 *     {@code школьница}, {@code шкoльница} (Latin o) and {@code shkolnitsa}; compare keys, not
 *     canonical forms, to match across scripts
 * @param disguised whether characters of another script, digits inside a word, letters inside a
 *     number, or letters spaced apart had to be resolved: a sign that the writer hid the word
 */
public record Token(
        TokenKind kind, int start, int end, String original, String canonical, String key, boolean disguised) {

    /** Checks the fields. */
    public Token {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(key, "key");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "token bounds must satisfy 0 <= start <= end, got " + start + ".." + end);
        }
    }

    /** Whether this is a {@link TokenKind#NUMBER}. */
    public boolean isNumber() {
        return kind == TokenKind.NUMBER;
    }

    /** Whether this is a {@link TokenKind#WORD}. */
    public boolean isWord() {
        return kind == TokenKind.WORD;
    }

    /**
     * The value of a number token, or -1 for other tokens and for numbers of more than 9 digits.
     */
    public long numberValue() {
        if (kind != TokenKind.NUMBER || canonical.isEmpty() || canonical.length() > 9) {
            return -1;
        }
        return Long.parseLong(canonical);
    }
}

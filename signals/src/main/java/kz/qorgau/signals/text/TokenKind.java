package kz.qorgau.signals.text;

/** What a {@link Token} is. */
public enum TokenKind {
    /** Letters (with any digits inside the word resolved to the look-alike letters they stand for). */
    WORD,
    /**
     * Digits, including digits written with look-alike letters ({@code В77509б7929}), circled,
     * full-width or keycap digits; {@link Token#canonical()} holds ASCII digits only.
     */
    NUMBER,
    /** One emoji, with variation selectors and skin tones removed from its canonical form. */
    EMOJI
}

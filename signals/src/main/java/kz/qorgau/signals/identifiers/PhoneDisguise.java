package kz.qorgau.signals.identifiers;

/** How a phone number was hidden in the text; a number can be hidden in several ways at once. */
public enum PhoneDisguise {
    /** Digits separated by spaces or punctuation more than a usual phone format does ({@code 8 7 7 7 …}). */
    SPLIT_DIGITS,
    /** Some digits spelled out as words ({@code восемь семь}, {@code сегіз жеті}, {@code eight seven}). */
    SPELLED_OUT,
    /** Letters standing for digits ({@code В77509б7929}: В for 8, б for 6). */
    LOOK_ALIKE_CHARACTERS,
    /** Digits in other Unicode forms: full-width, circled, keycap, mathematical. */
    UNICODE_DIGITS,
    /** Given as a messenger link ({@code wa.me/…}, {@code t.me/+…}). */
    MESSENGER_LINK
}

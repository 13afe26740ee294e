package kz.qorgau.server.signals;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.qorgau.signals.identifiers.Handles;
import kz.qorgau.signals.identifiers.PhoneNumbers;

/**
 * What a case worker can record about a child so that signals find the case: phone numbers, messenger
 * handles, nicknames (matched as words of ads: weak evidence), bank accounts (matched against payment
 * alerts) and the student identifier a school's records use (matched against school signals).
 */
enum IdentifierKind {
    PHONE("phone"),
    HANDLE("handle"),
    NICKNAME("nickname"),
    BANK_ACCOUNT("bank-account"),
    STUDENT_ID("student-id");

    static final int MAX_RAW_LENGTH = 200;
    private static final Pattern ACCOUNT = Pattern.compile("[A-Z0-9:+._/]{4,64}");
    private static final Pattern ACCOUNT_SEPARATORS = Pattern.compile("[\\s\\-]+");

    private final String code;

    IdentifierKind(String code) {
        this.code = code;
    }

    /** The form used in the API, the form and the blind index, e.g. {@code bank-account}. */
    String code() {
        return code;
    }

    static Optional<IdentifierKind> fromCode(String code) {
        for (IdentifierKind kind : values()) {
            if (kind.code.equalsIgnoreCase(code.strip()) || kind.name().equalsIgnoreCase(code.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * The normalised form of a value typed for this kind, or empty with {@link #hint()} as the reason.
     * Student ids are normalised by {@link KnownIdentifiers}, which knows the schools.
     */
    Optional<String> normalise(String raw) {
        String value = raw.strip();
        if (value.isEmpty() || value.length() > MAX_RAW_LENGTH) {
            return Optional.empty();
        }
        return switch (this) {
            case PHONE -> PhoneNumbers.toE164(value);
            case HANDLE -> Handles.normalize(value);
            case NICKNAME ->
                value.codePoints().filter(Character::isLetter).count() >= 3 && value.length() <= 100
                        ? Optional.of(value)
                        : Optional.empty();
            case BANK_ACCOUNT -> account(value);
            case STUDENT_ID -> value.length() <= 64 ? Optional.of(value) : Optional.empty();
        };
    }

    /** What to type instead, for a value that does not normalise. */
    String hint() {
        return switch (this) {
            case PHONE -> "is not a valid phone number; give it with its area or mobile code, e.g. +7 777 123 45 67";
            case HANDLE -> "is not a Telegram or Instagram name; give e.g. @name or t.me/name";
            case NICKNAME -> "must have at least three letters and at most 100 characters";
            case BANK_ACCOUNT -> "must be an account number (IBAN) of 4 to 64 letters and digits";
            case STUDENT_ID ->
                "must be the school's student identifier (at most 64 characters); staff outside the school write"
                        + " SCHOOL-CODE/STUDENT-ID";
        };
    }

    /**
     * An account as the payment screening sees it: upper case, spaces and hyphens removed (IBANs are
     * written in groups of four). The same on both sides of a match.
     */
    static Optional<String> account(String raw) {
        String value = ACCOUNT_SEPARATORS.matcher(raw.strip()).replaceAll("").toUpperCase(Locale.ROOT);
        return ACCOUNT.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }
}

package kz.qorgau.signals.tx;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the bank knows about an account's holder, from the optional accounts file.
 *
 * @param account the account identifier, as in the transactions
 * @param holderBirthDate the holder's date of birth, or {@code null} (businesses, unknown)
 * @param holderPhone the holder's phone as given (not normalised), or {@code null}
 * @param openedAt when the account was opened, or {@code null}
 * @param kind the kind of account as given ({@code personal}, {@code business}, {@code merchant}…);
 *     empty when unknown
 */
public record AccountProfile(
        String account,
        @Nullable LocalDate holderBirthDate,
        @Nullable String holderPhone,
        @Nullable LocalDate openedAt,
        String kind) {

    /** Checks that the required parts are present. */
    public AccountProfile {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The holder's age in whole years on a day, or -1 when the birth date is unknown.
     *
     * @param on the day to compute the age at
     */
    public int ageOn(LocalDate on) {
        LocalDate birth = holderBirthDate;
        if (birth == null || birth.isAfter(on)) {
            return -1;
        }
        return Period.between(birth, on).getYears();
    }
}

package kz.qorgau.signals.identifiers;

import java.util.Objects;
import kz.qorgau.signals.text.TextSpan;

/**
 * A price found in a text.
 *
 * @param amount the amount in whole units of the currency
 * @param currency ISO 4217 code: {@code KZT}, {@code USD}, {@code RUB} or {@code EUR}
 * @param evidence the original words
 */
public record PriceMention(long amount, String currency, TextSpan evidence) {

    /** Checks the fields. */
    public PriceMention {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(evidence, "evidence");
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive, got " + amount);
        }
    }
}

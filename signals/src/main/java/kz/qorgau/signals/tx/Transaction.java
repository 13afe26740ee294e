package kz.qorgau.signals.tx;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One money movement from one account to another, as read from a statement or an export.
 *
 * <p>The amount is kept exactly, as a whole number of the currency's minor units (tiyn for KZT,
 * cents for USD), never as a floating-point number. The timestamp keeps the offset it was recorded
 * with, because "at night" and "at the weekend" are judged in the payer's local time.
 *
 * @param id the bank's identifier of the transaction (used to drop duplicates)
 * @param timestamp when it happened, with the UTC offset of the place it happened
 * @param fromAccount the paying account
 * @param toAccount the receiving account
 * @param amountMinor the amount in minor units of {@code currency}; positive
 * @param currency an ISO 4217 currency
 * @param channel how it was made, lower case ({@code p2p}, {@code card}, {@code salary}, …); may be
 *     empty
 * @param fromPhone the payer's phone number as given (not normalised), or {@code null}
 * @param toPhone the receiver's phone number as given (not normalised), or {@code null}
 * @param merchantCategory the ISO 18245 merchant category code of a card payment, or {@link #NO_MCC}
 * @param memo the payment's free text; empty when there is none
 * @param city where it happened; empty when unknown
 */
public record Transaction(
        String id,
        OffsetDateTime timestamp,
        String fromAccount,
        String toAccount,
        long amountMinor,
        Currency currency,
        String channel,
        @Nullable String fromPhone,
        @Nullable String toPhone,
        int merchantCategory,
        String memo,
        String city) {

    /** The value of {@link #merchantCategory()} when the transaction has no merchant category. */
    public static final int NO_MCC = -1;

    /** Checks the invariants the readers guarantee; a violation is a bug in the caller. */
    public Transaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(fromAccount, "fromAccount");
        Objects.requireNonNull(toAccount, "toAccount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(memo, "memo");
        Objects.requireNonNull(city, "city");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive, was " + amountMinor + " in " + id);
        }
        if (fromAccount.equals(toAccount)) {
            throw new IllegalArgumentException("fromAccount and toAccount are the same (" + fromAccount + ") in " + id);
        }
        if (merchantCategory != NO_MCC && (merchantCategory < 0 || merchantCategory > 9999)) {
            throw new IllegalArgumentException(
                    "merchantCategory must be an ISO 18245 code 0000-9999 or NO_MCC, was " + merchantCategory);
        }
    }

    /** The amount in major units of the currency (e.g. {@code 15055.00} KZT). */
    public BigDecimal amount() {
        return BigDecimal.valueOf(amountMinor, Math.max(0, currency.getDefaultFractionDigits()));
    }

    /** Whether the transaction carries a merchant category code (a card payment to a merchant). */
    public boolean hasMerchantCategory() {
        return merchantCategory != NO_MCC;
    }
}

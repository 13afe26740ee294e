package kz.qorgau.signals.tx;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Objects;

/**
 * Money forwarded from one account to another within a cluster.
 *
 * @param from the forwarding (pass-through) account
 * @param to the receiving account
 * @param amount the forwarded amount in the rules' reference currency (at least this much: the
 *     streaming summary may undercount, never overcount)
 * @param currency the reference currency
 * @param transfers how many transfers
 * @param first the first transfer seen
 * @param last the last transfer seen
 */
public record Flow(
        String from,
        String to,
        BigDecimal amount,
        Currency currency,
        int transfers,
        OffsetDateTime first,
        OffsetDateTime last) {

    /** Checks that the parts are present. */
    public Flow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
    }
}

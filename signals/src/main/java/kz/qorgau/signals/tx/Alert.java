package kz.qorgau.signals.tx;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An account whose money flows match a typology, with the rules that fired and their evidence. An
 * alert raises work for a person; it does not accuse anyone.
 *
 * @param account the alerted account
 * @param typology the role the account appears to play
 * @param score 0..1; {@code 1 − Π(1 − weight)} over the rules that fired
 * @param rules the rules that fired, strongest first
 * @param linked accounts the evidence connects it to (where its money went, where it came from)
 * @param phones the account's phone numbers in E.164, where known
 * @param windowStart start of the window in which the account's own rules fired (inclusive)
 * @param windowEnd end of that window (exclusive)
 * @param cluster the identifier of the cluster of linked accounts it belongs to, or {@code null}
 * @param currency the ISO 4217 code of the amounts in the evidence's facts (the rules' reference
 *     currency)
 * @param rulesVersion the version of the rule configuration that produced it
 */
public record Alert(
        String account,
        Typology typology,
        double score,
        List<RuleHit> rules,
        List<String> linked,
        List<String> phones,
        OffsetDateTime windowStart,
        OffsetDateTime windowEnd,
        @Nullable String cluster,
        String currency,
        String rulesVersion) {

    /** Copies the lists. */
    public Alert {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(typology, "typology");
        rules = List.copyOf(rules);
        linked = List.copyOf(linked);
        phones = List.copyOf(phones);
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        if (score < 0 || score > 1) {
            throw new IllegalArgumentException("score must be within 0..1, was " + score);
        }
    }
}

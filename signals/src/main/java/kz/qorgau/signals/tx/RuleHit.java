package kz.qorgau.signals.tx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A typology rule that fired for an account, with the evidence an analyst can check against the
 * bank's records.
 *
 * @param rule the rule's name, e.g. {@code rapid-pass-through}
 * @param weight how much the rule adds to the score, from the rule configuration
 * @param evidence one sentence with the concrete counts, amounts, times and counterparties
 * @param facts the same evidence as named values (numbers, strings, lists of strings), in a stable
 *     order
 */
public record RuleHit(String rule, double weight, String evidence, Map<String, Object> facts) {

    /** Copies the facts, keeping their order. */
    public RuleHit {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(evidence, "evidence");
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
}

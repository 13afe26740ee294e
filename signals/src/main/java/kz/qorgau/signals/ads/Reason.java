package kz.qorgau.signals.ads;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import kz.qorgau.signals.text.TextSpan;

/**
 * One rule of the indicator file that fired, and the words that made it fire.
 *
 * @param rule the rule's name in the indicator file, e.g. {@code school-reference}
 * @param weight its weight in the score (the highest among its rows that matched)
 * @param evidence the original words, in order of appearance
 */
public record Reason(String rule, double weight, List<TextSpan> evidence) {

    /** Checks the fields and copies the list. */
    public Reason {
        Objects.requireNonNull(rule, "rule");
        evidence = List.copyOf(evidence);
    }

    /** The quotes joined by {@code " | "}: the {@code evidence} of the JSON output. */
    public String evidenceText() {
        return evidence.stream().map(TextSpan::quote).distinct().collect(Collectors.joining(" | "));
    }
}

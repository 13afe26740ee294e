package kz.qorgau.signals.ads;

import java.util.List;

/**
 * Whether an ad reads as a companionship, escort or dating ad: only then are signs of a minor
 * scored.
 *
 * @param companionship whether the context weights reached the indicator file's
 *     {@code context-threshold}
 * @param weight the sum of the weights of the context rows that matched (negative rows are signs of
 *     an ordinary ad: tutoring, sales, rentals, child care)
 * @param evidence the context rules that matched, with their words
 */
public record AdContext(boolean companionship, double weight, List<Reason> evidence) {

    /** Copies the list. */
    public AdContext {
        evidence = List.copyOf(evidence);
    }
}

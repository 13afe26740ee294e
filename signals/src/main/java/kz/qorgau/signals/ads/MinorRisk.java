package kz.qorgau.signals.ads;

import java.util.List;
import java.util.Objects;

/**
 * How strongly an ad suggests that the person offered is a minor, and why. A request for a person
 * to review, never a finding: ads carry fake ages and stolen photos, and adults use school costumes.
 *
 * @param score 0..1: {@code 1 - Π(1 - weight)} over {@link #reasons()}; 0 when the ad is not a
 *     companionship ad
 * @param flag whether the score reached the indicator file's {@code flag-threshold}: the ad should
 *     be reviewed by a person
 * @param reasons the rules that fired and their words, strongest first
 * @param context whether the ad reads as a companionship ad, and why
 * @param suppressed rules that matched but were not scored because the ad is not a companionship ad
 *     (a tutor's "grades 5–11"); shown so that a reviewer can see what was set aside
 * @param indicatorsVersion the version of the indicator file the score comes from
 */
public record MinorRisk(
        double score,
        boolean flag,
        List<Reason> reasons,
        AdContext context,
        List<Reason> suppressed,
        String indicatorsVersion) {

    /** Checks the fields and copies the lists. */
    public MinorRisk {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(indicatorsVersion, "indicatorsVersion");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
        reasons = List.copyOf(reasons);
        suppressed = List.copyOf(suppressed);
    }
}

package kz.qorgau.core.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.RiskLevel;

/**
 * The deadline policies in force: an ordered list in which the first policy that {@linkplain
 * DeadlinePolicy#appliesTo applies} to a case's risk level and categories wins, so that
 * category-specific policies go before the catch-all policy of their level.
 */
public final class DeadlinePolicies {

    /** Name of the default policy for critical cases. */
    public static final String CRITICAL = "critical";
    /** Name of the default policy for high-risk cases. */
    public static final String HIGH = "high";
    /** Name of the default policy for standard cases. */
    public static final String STANDARD = "standard";

    private static final String OUTCOME_SOURCE = "outcome in 30 working days: Qorgau's default, twice the 15"
            + " working days of the Administrative Procedural Code art. 76(1), so a body that used its whole"
            + " first-action time has as long again to conclude; not a statutory number";
    private static final String REDIRECT_SOURCE =
            "redirect as not competent within 3 working days: Administrative Procedural Code art. 65(1)";

    private static final DeadlinePolicies CURRENT = new DeadlinePolicies(List.of(
            new DeadlinePolicy(
                    CRITICAL,
                    RiskLevel.CRITICAL,
                    Set.of(),
                    TimeLimit.clockHours(1),
                    TimeLimit.clockHours(24),
                    TimeLimit.workingDays(30),
                    TimeLimit.workingDays(3),
                    Set.of(ImmediateNotice.POLICE, ImmediateNotice.OVERSIGHT),
                    "DESIGN.md §6: acknowledge in 1 clock hour, first protective action in 24 clock hours (the"
                            + " limit the Criminal Procedure Code sets for registering a crime report), police"
                            + " and oversight told at once; "
                            + OUTCOME_SOURCE
                            + "; "
                            + REDIRECT_SOURCE),
            new DeadlinePolicy(
                    HIGH,
                    RiskLevel.HIGH,
                    Set.of(),
                    TimeLimit.workingDays(1),
                    TimeLimit.workingDays(3),
                    TimeLimit.workingDays(30),
                    TimeLimit.workingDays(3),
                    Set.of(),
                    "DESIGN.md §6: acknowledge in 1 working day, first protective action in 3 working days; "
                            + OUTCOME_SOURCE
                            + "; "
                            + REDIRECT_SOURCE),
            new DeadlinePolicy(
                    STANDARD,
                    RiskLevel.STANDARD,
                    Set.of(),
                    TimeLimit.workingDays(1),
                    TimeLimit.workingDays(15),
                    TimeLimit.workingDays(30),
                    TimeLimit.workingDays(3),
                    Set.of(),
                    "DESIGN.md §6: acknowledge in 1 working day, first protective action in 15 working days"
                            + " (Administrative Procedural Code art. 76(1)); "
                            + OUTCOME_SOURCE
                            + "; "
                            + REDIRECT_SOURCE)));

    private final List<DeadlinePolicy> policies;

    private DeadlinePolicies(List<DeadlinePolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    /** The defaults of DESIGN.md §6: one catch-all policy per risk level. */
    public static DeadlinePolicies current() {
        return CURRENT;
    }

    /**
     * Policies in the given order.
     *
     * @throws IllegalArgumentException when two policies share a name, or a risk level has no
     *     catch-all policy (one with no categories), so that some case would have no deadlines
     */
    public static DeadlinePolicies of(List<DeadlinePolicy> policies) {
        Set<String> names = new HashSet<>();
        Set<RiskLevel> covered = new HashSet<>();
        for (DeadlinePolicy policy : policies) {
            if (!names.add(policy.name())) {
                throw new IllegalArgumentException("two deadline policies are named '" + policy.name() + "'");
            }
            if (policy.categories().isEmpty()) {
                covered.add(policy.risk());
            }
        }
        List<String> missing = new ArrayList<>();
        for (RiskLevel level : RiskLevel.values()) {
            if (!covered.contains(level)) {
                missing.add(level.code());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no catch-all deadline policy (one without categories) for risk "
                    + String.join(", ", missing) + "; add one so that every case has deadlines");
        }
        return new DeadlinePolicies(policies);
    }

    /**
     * Policies from plain settings, in the given order (see {@link DeadlinePolicy.Settings}).
     *
     * @throws IllegalArgumentException naming the policy and setting at fault
     */
    public static DeadlinePolicies fromSettings(List<DeadlinePolicy.Settings> settings) {
        return of(settings.stream().map(DeadlinePolicy.Settings::toPolicy).toList());
    }

    /** The policies, in order. */
    public List<DeadlinePolicy> all() {
        return policies;
    }

    /** The policy for a case at this level about these categories: the first that applies. O(policies). */
    public DeadlinePolicy policyFor(RiskLevel level, Set<Category> categories) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(categories, "categories");
        for (DeadlinePolicy policy : policies) {
            if (policy.appliesTo(level, categories)) {
                return policy;
            }
        }
        throw new IllegalStateException("no deadline policy for " + level + " (checked when the list was built)");
    }
}

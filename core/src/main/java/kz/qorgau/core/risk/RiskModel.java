package kz.qorgau.core.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules that give a report its initial risk level: a list of named {@link RiskRule}s, the most
 * urgent level any of them asks for wins. A person can always override the result with a reason.
 */
public final class RiskModel {

    /** Sexual exploitation and trafficking are critical (DESIGN.md §6). */
    public static final String SEXUAL_EXPLOITATION_IS_CRITICAL = "sexual-exploitation-or-trafficking-is-critical";
    /** A child in immediate danger is critical (DESIGN.md §6). */
    public static final String IMMEDIATE_DANGER_IS_CRITICAL = "immediate-danger-is-critical";
    /** Intimate images used as leverage are how the Qyzylorda exploitation began; critical. */
    public static final String INTIMATE_IMAGES_ARE_CRITICAL = "intimate-images-are-critical";
    /** Sexual abuse is high. */
    public static final String SEXUAL_ABUSE_IS_HIGH = "sexual-abuse-is-high";
    /** Physical abuse is high. */
    public static final String PHYSICAL_ABUSE_IS_HIGH = "physical-abuse-is-high";
    /** A child missing from home (including nights away) is high. */
    public static final String MISSING_FROM_HOME_IS_HIGH = "missing-from-home-is-high";
    /** A threatened reporter means someone works to stop the report; high. */
    public static final String THREATENED_REPORTER_IS_HIGH = "threatened-reporter-is-high";
    /** Neglect of a child under 7, who cannot look after or speak up for themselves, is high. */
    public static final String NEGLECT_OF_A_YOUNG_CHILD_IS_HIGH = "neglect-of-a-child-under-7-is-high";

    private static final RiskModel CURRENT = new RiskModel(List.of(
            new RiskRule(
                    SEXUAL_EXPLOITATION_IS_CRITICAL,
                    RiskLevel.CRITICAL,
                    c -> c.isAbout(Category.SEXUAL_EXPLOITATION, Category.TRAFFICKING)),
            new RiskRule(
                    IMMEDIATE_DANGER_IS_CRITICAL,
                    RiskLevel.CRITICAL,
                    c -> c.flags().contains(ConcernFlag.IMMEDIATE_DANGER)),
            new RiskRule(
                    INTIMATE_IMAGES_ARE_CRITICAL,
                    RiskLevel.CRITICAL,
                    c -> c.flags().contains(ConcernFlag.INTIMATE_IMAGES)),
            new RiskRule(SEXUAL_ABUSE_IS_HIGH, RiskLevel.HIGH, c -> c.isAbout(Category.SEXUAL_ABUSE)),
            new RiskRule(PHYSICAL_ABUSE_IS_HIGH, RiskLevel.HIGH, c -> c.isAbout(Category.PHYSICAL_ABUSE)),
            new RiskRule(MISSING_FROM_HOME_IS_HIGH, RiskLevel.HIGH, c -> c.isAbout(Category.MISSING_FROM_HOME)),
            new RiskRule(
                    THREATENED_REPORTER_IS_HIGH,
                    RiskLevel.HIGH,
                    c -> c.flags().contains(ConcernFlag.REPORTER_THREATENED)),
            new RiskRule(
                    NEGLECT_OF_A_YOUNG_CHILD_IS_HIGH,
                    RiskLevel.HIGH,
                    c -> c.isAbout(Category.NEGLECT) && c.childYoungerThan(7))));

    private final List<RiskRule> rules;

    private RiskModel(List<RiskRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The model Qorgau ships with. */
    public static RiskModel current() {
        return CURRENT;
    }

    /**
     * A model of the given rules.
     *
     * @throws IllegalArgumentException when two rules share a name
     */
    public static RiskModel of(List<RiskRule> rules) {
        List<String> names = new ArrayList<>();
        for (RiskRule rule : rules) {
            if (names.contains(rule.name())) {
                throw new IllegalArgumentException("two risk rules are named " + rule.name());
            }
            names.add(rule.name());
        }
        return new RiskModel(rules);
    }

    /** The rules, in order. */
    public List<RiskRule> rules() {
        return rules;
    }

    /** The initial risk of a concern, with the rules that fired. O(rules). */
    public RiskAssessment assess(Concern concern) {
        Objects.requireNonNull(concern, "concern");
        RiskLevel level = RiskLevel.STANDARD;
        List<String> reasons = new ArrayList<>();
        for (RiskRule rule : rules) {
            if (rule.matches().test(concern)) {
                level = level.max(rule.level());
                reasons.add(rule.name());
            }
        }
        return new RiskAssessment(level, reasons);
    }
}

package kz.qorgau.signals.tx;

import org.jspecify.annotations.Nullable;

/** One named typology rule over an account's window; a hit carries its evidence. */
interface TypologyRule {

    /** The rule's name, as in the configuration and in alerts. */
    String name();

    /**
     * Judges one window.
     *
     * @return the hit with its evidence, or {@code null} when the rule does not fire
     */
    @Nullable
    RuleHit evaluate(WindowView window, EvaluationContext context);
}

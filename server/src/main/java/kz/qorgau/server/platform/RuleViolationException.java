package kz.qorgau.server.platform;

/**
 * A transition the rules refuse (acknowledge twice, close without approval): answered with 409
 * problem+json naming the rule.
 */
public final class RuleViolationException extends RuntimeException {

    private final String rule;

    public RuleViolationException(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}

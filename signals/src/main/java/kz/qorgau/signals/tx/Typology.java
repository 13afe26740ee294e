package kz.qorgau.signals.tx;

/** The role an alerted account appears to play in an exploitation money flow. */
public enum Typology {
    /**
     * Receives many small payments from many people and forwards most of the money within hours to
     * very few accounts: typically the exploited child's own account.
     */
    PASS_THROUGH("pass-through"),
    /** Receives the forwarded money of two or more pass-through accounts. */
    COLLECTOR("collector"),
    /** Receives a large share of the forwarded money of one pass-through account. */
    CONTROLLER("controller"),
    /**
     * Shows the inflow pattern (many payers, night, no living costs, a young holder…) without the
     * money being forwarded: the account may keep it or spend it on lodging.
     */
    SUSPICIOUS_INFLOW("suspicious-inflow");

    private final String label;

    Typology(String label) {
        this.label = label;
    }

    /** The name used in JSON output, e.g. {@code pass-through}. */
    public String label() {
        return label;
    }
}

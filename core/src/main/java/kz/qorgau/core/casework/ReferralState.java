package kz.qorgau.core.casework;

/** Where a referral is. Only {@link #PENDING}, {@link #ACKNOWLEDGED} and {@link #ACTING} run a clock. */
public enum ReferralState {
    /** Sent; not yet acknowledged. */
    PENDING,
    /** Acknowledged; no action recorded yet. */
    ACKNOWLEDGED,
    /** At least one action recorded. */
    ACTING,
    /** Redirected by a body that is not competent; the competent body has its own referral. */
    REDIRECTED,
    /**
     * A step was missed and the referral went up the ladder, or a conflict of interest sent it to
     * oversight. The organisation may still record late work; its clock no longer runs.
     */
    ESCALATED,
    /** The outcome is recorded, or the case was closed. */
    CLOSED;

    /** Whether the referral's clock runs (it can become overdue and escalate). */
    public boolean isOpen() {
        return this == PENDING || this == ACKNOWLEDGED || this == ACTING;
    }
}

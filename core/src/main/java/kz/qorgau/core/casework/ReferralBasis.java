package kz.qorgau.core.casework;

/** Why a referral was made. */
public enum ReferralBasis {
    /** A person referred the case (intake, a case worker, oversight). */
    DIRECT,
    /** Another organisation referred the case on while keeping its own referral. */
    REFERRED_ON,
    /** A body that was not competent redirected its referral here. */
    REDIRECTED,
    /** A step was missed one level below; this body is the next rung of the ladder. */
    ESCALATED,
    /** A conflict of interest sent the case to oversight. */
    CONFLICT_OF_INTEREST
}

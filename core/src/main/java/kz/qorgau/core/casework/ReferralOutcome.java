package kz.qorgau.core.casework;

/** The result of a transition of a referral: {@link ReferralChanged} or {@link Refused}. */
public sealed interface ReferralOutcome permits ReferralChanged, Refused {}

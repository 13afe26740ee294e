package kz.qorgau.core.casework;

/** The result of opening a referral: {@link ReferralOpened} or {@link Refused}. */
public sealed interface OpeningOutcome permits ReferralOpened, Refused {}

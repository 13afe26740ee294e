package kz.qorgau.core.casework;

import java.time.Instant;
import java.util.Objects;
import kz.qorgau.core.organisation.Organisation;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.RequiredStep;
import kz.qorgau.core.risk.RiskLevel;
import org.jspecify.annotations.Nullable;

/**
 * What happened to a referral in one transition: one row of its history, for the chronology and the
 * ledger. Fields that do not apply to the kind are null.
 *
 * @param referralId the referral
 * @param version the referral's version this event produced
 * @param kind what happened
 * @param at when
 * @param by who did it
 * @param action the action recorded ({@link Kind#ACTION_RECORDED}, {@link Kind#REFERRED_ON})
 * @param counterpart the organisation redirected or referred on to
 * @param escalatedTo the type of body an escalation goes to
 * @param missedStep the step whose deadline was missed ({@link Kind#ESCALATED})
 * @param risk the risk level ({@link Kind#OPENED}, {@link Kind#RISK_APPLIED})
 * @param note the reason, note or outcome text
 */
public record ReferralEvent(
        ReferralId referralId,
        long version,
        Kind kind,
        Instant at,
        Actor by,
        @Nullable ActionKind action,
        @Nullable Organisation counterpart,
        @Nullable OrganisationType escalatedTo,
        @Nullable RequiredStep missedStep,
        @Nullable RiskLevel risk,
        @Nullable String note) {

    /** What happened. */
    public enum Kind {
        OPENED,
        ACKNOWLEDGED,
        ACTION_RECORDED,
        ACTION_CORRECTED,
        REDIRECTED,
        REFERRED_ON,
        OUTCOME_RECORDED,
        ESCALATED,
        ESCALATED_FOR_CONFLICT,
        RISK_APPLIED,
        CLOSED_WITH_CASE
    }

    /** Checks the fields. */
    public ReferralEvent {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }

    static ReferralEvent of(Referral after, Kind kind, Instant at, Actor by) {
        return new ReferralEvent(after.id(), after.version(), kind, at, by, null, null, null, null, null, null);
    }

    ReferralEvent withAction(ActionKind value) {
        return new ReferralEvent(
                referralId, version, kind, at, by, value, counterpart, escalatedTo, missedStep, risk, note);
    }

    ReferralEvent withCounterpart(Organisation value) {
        return new ReferralEvent(referralId, version, kind, at, by, action, value, escalatedTo, missedStep, risk, note);
    }

    ReferralEvent withEscalation(OrganisationType to, @Nullable RequiredStep missed) {
        return new ReferralEvent(referralId, version, kind, at, by, action, counterpart, to, missed, risk, note);
    }

    ReferralEvent withRisk(RiskLevel value) {
        return new ReferralEvent(
                referralId, version, kind, at, by, action, counterpart, escalatedTo, missedStep, value, note);
    }

    ReferralEvent withNote(@Nullable String value) {
        return new ReferralEvent(
                referralId, version, kind, at, by, action, counterpart, escalatedTo, missedStep, risk, value);
    }
}

package kz.qorgau.core.casework;

import java.util.Locale;

/** The rules a transition can be refused under; the server answers 409 naming {@link #code()}. */
public enum CaseworkRule {
    /** A referral is acknowledged once. */
    REFERRAL_ALREADY_ACKNOWLEDGED,
    /** Nothing more can be done on a closed referral. */
    REFERRAL_CLOSED,
    /** Nothing more can be done on a redirected referral; the competent body has its own. */
    REFERRAL_REDIRECTED,
    /** An escalated referral cannot be redirected; the body it was escalated to decides. */
    REFERRAL_ESCALATED,
    /** Only staff of the organisation a referral was made to can work it. */
    NOT_THE_RECEIVING_ORGANISATION,
    /** A body that is not competent must redirect within the redirect window (3 working days). */
    REDIRECT_WINDOW_CLOSED,
    /** A body that has started acting on a referral has accepted it and cannot redirect it. */
    REDIRECT_AFTER_ACTION,
    /** A referral cannot be redirected or referred on to the organisation it is with. */
    SAME_ORGANISATION,
    /** An outcome needs at least one recorded action. */
    OUTCOME_NEEDS_AN_ACTION,
    /** Nothing more can be done on a closed case. */
    CASE_CLOSED,
    /** A case that was ever high or critical closes only with a second person's approval from oversight. */
    CLOSE_NEEDS_OVERSIGHT_APPROVAL,
    /** A close request is already waiting for approval. */
    CLOSE_ALREADY_REQUESTED,
    /** There is no close request to approve or reject. */
    NO_CLOSE_REQUEST,
    /** Only a person with the oversight role may approve or reject closing a case. */
    APPROVER_NOT_OVERSIGHT,
    /** The person approving a closure must not be the person who asked for it. */
    APPROVER_IS_REQUESTER,
    /** A case is hidden from an organisation it has a conflict of interest with and cannot go to it. */
    ORGANISATION_HAS_CONFLICT_OF_INTEREST,
    /** The case already has an open referral to that organisation. */
    ALREADY_REFERRED,
    /** The risk level is already the one asked for. */
    RISK_UNCHANGED,
    /** A correction names an action the referral has. */
    NO_SUCH_ACTION;

    /** The stable name used in API problems, e.g. {@code referral-already-acknowledged}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

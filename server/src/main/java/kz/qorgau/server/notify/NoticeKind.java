package kz.qorgau.server.notify;

import java.util.Locale;

/**
 * Why an organisation is told about a case. The webhook {@code event} is {@link #event()}; the e-mail
 * texts are the bundle keys {@code notify.title.KIND} and {@code notify.body.KIND}.
 */
public enum NoticeKind {
    /** A case was referred to the organisation. */
    REFERRAL_RECEIVED,
    /** A step was missed at the level below and the case climbed to this organisation. */
    ESCALATION_RECEIVED,
    /** A critical case: act at once (police and oversight are told immediately). */
    IMMEDIATE_ATTENTION,
    /** A conflict of interest sent the case to this (oversight) organisation. */
    CONFLICT_OF_INTEREST,
    /** The reporter sent a message or more information. */
    REPORTER_MESSAGE,
    /** A signal (ad, payment, school data) matches a case of this organisation. */
    SIGNAL_MATCHED,
    /** Closing a case of high or critical risk waits for this organisation's approval. */
    CLOSE_APPROVAL_REQUESTED;

    /** The webhook event name: the constant in lower case, e.g. {@code escalation_received}. */
    public String event() {
        return name().toLowerCase(Locale.ROOT);
    }
}

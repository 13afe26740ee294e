package kz.qorgau.core.casework;

/** What a person (or the system) acts as; the names match the server's roles. */
public enum Role {
    /** Records reports received by phone or chat and triages new reports. */
    INTAKE_OFFICER,
    /** Works the referrals of their organisation. */
    CASE_WORKER,
    /** Receives escalations from the level below. */
    SUPERVISOR,
    /** Independent oversight; the only role that may approve closing a serious case. */
    OVERSIGHT,
    /** Manages accounts and settings. */
    ADMINISTRATOR,
    /** A machine account behind an API token. */
    INTEGRATION,
    /** Qorgau itself: the risk model, the escalation scheduler. */
    SYSTEM
}

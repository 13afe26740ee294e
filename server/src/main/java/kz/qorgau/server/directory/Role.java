package kz.qorgau.server.directory;

/** What a member of staff may do; access to a case also depends on the case's referrals. */
public enum Role {
    /** Records reports received by phone or chat (e.g. the 111 line) and triages new reports. */
    INTAKE_OFFICER,
    /** Works the cases referred to their organisation. */
    CASE_WORKER,
    /** Receives escalations from the level below. */
    SUPERVISOR,
    /** Independent oversight: sees escalated and conflicted cases, response times, the ledger. */
    OVERSIGHT,
    /** Manages accounts and settings; cannot read case content. */
    ADMINISTRATOR,
    /** A machine account behind an API token (e.g. an ad monitor feeding signals). */
    INTEGRATION;

    /** The form used in configuration, credentials files and the API. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #code()} or the enum name. */
    public static Role fromCode(String code) {
        return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}

package kz.qorgau.core.casework;

import java.util.Locale;
import java.util.Optional;

/** What an organisation did on a referral. */
public enum ActionKind {
    VISIT,
    INTERVIEW,
    PROTECTIVE_MEASURE,
    /** Referring the case on to another organisation; not a protective action by itself. */
    REFERRAL_ON,
    STATEMENT_TAKEN,
    POLICE_REPORT_REGISTERED;

    /** Whether the action counts as the first protective action. */
    public boolean isProtective() {
        return this != REFERRAL_ON;
    }

    /** The code used in the API, e.g. {@code statement-taken}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind with this code or enum name, ignoring case. */
    public static Optional<ActionKind> fromCode(String code) {
        String wanted = code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ActionKind kind : values()) {
            if (kind.name().equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}

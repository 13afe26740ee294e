package kz.qorgau.core.policy;

import java.util.Locale;
import java.util.Optional;

/** Who is told at once when a case reaches a policy's risk level, without waiting for any deadline. */
public enum ImmediateNotice {
    /** The police (juvenile inspectorate or regional department) of the child's area. */
    POLICE,
    /** Oversight: the Commissioner for Children's Rights (and any accredited NGO the server configures). */
    OVERSIGHT;

    /** The code used in configuration, e.g. {@code police}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The notice with this code or enum name, ignoring case. */
    public static Optional<ImmediateNotice> fromCode(String code) {
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        for (ImmediateNotice notice : values()) {
            if (notice.name().equals(wanted)) {
                return Optional.of(notice);
            }
        }
        return Optional.empty();
    }
}

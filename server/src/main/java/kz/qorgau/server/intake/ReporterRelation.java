package kz.qorgau.server.intake;

import java.util.Locale;
import java.util.Optional;

/** Who the reporter is to the child. */
public enum ReporterRelation {
    CHILD_SELF,
    PARENT,
    RELATIVE,
    FRIEND_OR_CLASSMATE,
    TEACHER_OR_SCHOOL_STAFF,
    NEIGHBOUR,
    PROFESSIONAL,
    OTHER;

    /** The code used in the API and the form, e.g. {@code parent}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The relation with this code (or enum name), ignoring case. */
    public static Optional<ReporterRelation> fromCode(String code) {
        String wanted = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ReporterRelation relation : values()) {
            if (relation.name().equals(wanted)) {
                return Optional.of(relation);
            }
        }
        return Optional.empty();
    }
}

package kz.qorgau.core.organisation;

import java.util.Locale;
import java.util.Optional;

/** The kinds of organisation a case can be referred to; each has its own escalation ladder. */
public enum OrganisationType {
    /** A school; its safeguarding lead works the referrals. */
    SCHOOL,
    /** A district (or city) department of education, supervising schools; also the guardianship authority. */
    DISTRICT_EDUCATION,
    /** The juvenile police inspectorate (inspectors for minors). */
    JUVENILE_POLICE,
    /** The regional police department, supervising the inspectorates. */
    REGIONAL_POLICE,
    /** The prosecutor's office, supervising the legality of what state bodies do. */
    PROSECUTOR,
    /** Social services (local department of employment and social protection). */
    SOCIAL_SERVICES,
    /** A health organisation: polyclinic, hospital, school nurse service. */
    HEALTH,
    /** The Commissioner for Children's Rights: independent oversight, top of every ladder. */
    COMMISSIONER,
    /** An accredited non-governmental organisation. */
    NGO,
    /** A helpline such as 111. */
    HELPLINE;

    /** Whether this is a police body; critical cases tell the police at once. */
    public boolean isPolice() {
        return this == JUVENILE_POLICE || this == REGIONAL_POLICE;
    }

    /** Whether this is an oversight body (its oversight-role staff may approve closing serious cases). */
    public boolean isOversight() {
        return this == COMMISSIONER || this == PROSECUTOR || this == NGO;
    }

    /** The code used in configuration and the API, e.g. {@code district-education}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The type with this code or enum name, ignoring case. */
    public static Optional<OrganisationType> fromCode(String code) {
        String wanted = code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (OrganisationType type : values()) {
            if (type.name().equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

package kz.qorgau.server.directory;

/** The kinds of organisation that take part in safeguarding. */
public enum OrganisationKind {
    SCHOOL,
    DISTRICT_EDUCATION,
    JUVENILE_POLICE,
    REGIONAL_POLICE,
    PROSECUTOR,
    SOCIAL_SERVICES,
    HEALTH,
    COMMISSIONER,
    NGO,
    HELPLINE,
    ADMINISTRATION;

    /** Bodies whose staff hold the oversight role see escalated and conflicted cases of everyone. */
    public boolean isOversightBody() {
        return this == COMMISSIONER || this == NGO || this == PROSECUTOR;
    }
}

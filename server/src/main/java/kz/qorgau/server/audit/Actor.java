package kz.qorgau.server.audit;

/**
 * Who did something, as the ledger names them: an organisation code and a role, never a person's
 * name.
 */
public record Actor(String organisation, String role) {

    /** A member of the public using a receipt or the report form. */
    public static Actor reporter() {
        return new Actor("public", "reporter");
    }

    /** The platform itself (the escalation clock, case opening). */
    public static Actor system() {
        return new Actor("qorgau", "system");
    }
}

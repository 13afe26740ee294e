package kz.qorgau.server.intake;

/** How a report reached Qorgau. */
public enum Channel {
    WEB,
    API,
    HELPLINE,
    /** Raised by a signal (school early warning, ad screening, payments) that a person acted on or that escalated. */
    SIGNAL
}

package kz.qorgau.server.intake;

/** How a report reached Qorgau. */
public enum Channel {
    WEB,
    API,
    HELPLINE
}

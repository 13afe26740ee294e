package kz.qorgau.server.casework;

/** Where a case stands. */
public enum CaseStatus {
    OPEN,
    CLOSED
}

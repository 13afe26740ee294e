package kz.qorgau.core.casework;

/** Where a case is in its life. */
public enum CaseStatus {
    /** Being handled. */
    OPEN,
    /** Someone asked to close it; a second person from oversight must approve (high and critical cases). */
    CLOSE_REQUESTED,
    /** Closed with an outcome. Never deleted. */
    CLOSED
}

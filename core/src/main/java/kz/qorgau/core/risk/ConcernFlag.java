package kz.qorgau.core.risk;

/** Facts a reporter or intake officer can state that raise the risk of a concern. */
public enum ConcernFlag {
    /** The child is in danger now (the reporter ticked "immediate danger" or the officer judged so). */
    IMMEDIATE_DANGER,
    /** Intimate images of the child exist, are shared or are used as leverage. */
    INTIMATE_IMAGES,
    /** The reporter was threatened or pressured. */
    REPORTER_THREATENED,
    /** An institution refused to take the report or a statement. */
    REPORT_REFUSED
}

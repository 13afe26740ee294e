package kz.qorgau.core.casework;

/** The result of a transition of a case: {@link CaseChanged} or {@link Refused}. */
public sealed interface CaseOutcome permits CaseChanged, Refused {}

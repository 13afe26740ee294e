package kz.qorgau.server.casework;

/** How urgent a case is; it decides the deadlines of its referrals. */
public enum RiskLevel {
    CRITICAL,
    HIGH,
    STANDARD
}

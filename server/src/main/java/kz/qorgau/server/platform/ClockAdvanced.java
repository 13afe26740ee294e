package kz.qorgau.server.platform;

import java.time.Instant;

/** The simulation clock was moved forward; the escalation sweep runs at once instead of waiting. */
public record ClockAdvanced(Instant from, Instant to) {}

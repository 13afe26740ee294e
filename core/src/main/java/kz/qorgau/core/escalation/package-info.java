/**
 * Escalation ladders: for each type of organisation, the supervising bodies an overdue referral
 * climbs to, each step with its own time limits. Ladders are configuration; {@link
 * kz.qorgau.core.escalation.EscalationLadders#current()} holds the defaults.
 */
@NullMarked
package kz.qorgau.core.escalation;

import org.jspecify.annotations.NullMarked;

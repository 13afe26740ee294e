/**
 * Casework: cases about a child, referrals of a case to organisations with deadlines on every step,
 * escalation of overdue steps up a ladder, conflicts of interest, and closing with a second person's
 * approval. Every type is an immutable value; every transition takes the moment {@code now} and
 * returns a new value (a new version) or a refusal naming the rule, never reading the clock.
 */
@NullMarked
package kz.qorgau.core.casework;

import org.jspecify.annotations.NullMarked;

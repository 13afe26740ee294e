/**
 * Deadline policies: for each risk level and category, the time an organisation has to acknowledge
 * a referral, take the first protective action and record the outcome, and who is told at once.
 * Policies are configuration; {@link kz.qorgau.core.policy.DeadlinePolicies#current()} holds the
 * defaults of DESIGN.md §6.
 */
@NullMarked
package kz.qorgau.core.policy;

import org.jspecify.annotations.NullMarked;

/** The escalation clock's benchmark: sweeps over a million open referrals on PostgreSQL. */
@NullMarked
package kz.qorgau.bench.escalation;

import org.jspecify.annotations.NullMarked;

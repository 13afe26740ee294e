/**
 * The safeguarding domain: cases, referrals, deadline policies, the working-day calendar and
 * escalation ladders. Pure Java; time is always an input.
 */
@NullMarked
package kz.qorgau.core;

import org.jspecify.annotations.NullMarked;

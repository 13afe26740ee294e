/**
 * The working-day calendar: weekends, public holidays and the government's transferred days as
 * data per year, in one time zone, and the arithmetic of deadlines counted in working days.
 */
@NullMarked
package kz.qorgau.core.calendar;

import org.jspecify.annotations.NullMarked;

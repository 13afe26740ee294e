/**
 * School early warning: attendance, grades and what parents and staff observe, read per student
 * against the student's own baseline and the class, and combined into explained signals for the
 * school safeguarding lead. Entry points: {@link kz.qorgau.signals.school.SchoolScan} for parsed
 * records and {@link kz.qorgau.signals.school.SchoolCsv} for CSV streams.
 */
@NullMarked
package kz.qorgau.signals.school;

import org.jspecify.annotations.NullMarked;

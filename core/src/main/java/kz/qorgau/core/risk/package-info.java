/**
 * The risk model: what a report is about, and the named rules that give a case its initial risk
 * level, each result with its reasons.
 */
@NullMarked
package kz.qorgau.core.risk;

import org.jspecify.annotations.NullMarked;

/**
 * Signals: ads, payment flows and school records screened by the {@code signals} library, stored with
 * their explanations, and matched against the identifiers case workers recorded on open cases — a
 * match goes on the case's timeline for a person to review. School early-warning signals go to the
 * school's safeguarding lead, who opens a case or records why not, or the signal escalates.
 */
@NullMarked
@ApplicationModule(displayName = "Signals")
package kz.qorgau.server.signals;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

/**
 * Intake: anyone files a report (web form, API, helpline), committed before its receipt is shown;
 * the receipt is stored only as a keyed hash.
 */
@NullMarked
@ApplicationModule(displayName = "Intake")
package kz.qorgau.server.intake;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

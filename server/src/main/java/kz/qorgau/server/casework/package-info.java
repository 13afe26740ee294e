/**
 * Casework: a case is opened for each report and referred to the organisations that must act;
 * staff see the cases referred to them in their inbox.
 */
@NullMarked
@ApplicationModule(displayName = "Casework")
package kz.qorgau.server.casework;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

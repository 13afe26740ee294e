/**
 * Shared infrastructure every feature uses: the clock (the composition root of time), the data
 * directory and its secrets, field encryption, problem details, request limits and locales.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Platform")
package kz.qorgau.server.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

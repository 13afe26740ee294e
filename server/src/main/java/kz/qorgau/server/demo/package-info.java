/**
 * The demo: a fresh database seeded with the organisations and staff of one region (Kyzylorda) and
 * a few reports, and the logins written to a credentials file. Only active in {@code qorgau demo}.
 */
@NullMarked
@ApplicationModule(displayName = "Demo")
package kz.qorgau.server.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

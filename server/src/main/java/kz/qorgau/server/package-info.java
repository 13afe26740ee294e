/** The Qorgau server application; each direct sub-package is one feature module. */
@NullMarked
package kz.qorgau.server;

import org.jspecify.annotations.NullMarked;

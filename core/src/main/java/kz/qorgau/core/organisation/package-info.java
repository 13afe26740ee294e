/** The kinds of organisation that take part in safeguarding, and references to one of them. */
@NullMarked
package kz.qorgau.core.organisation;

import org.jspecify.annotations.NullMarked;

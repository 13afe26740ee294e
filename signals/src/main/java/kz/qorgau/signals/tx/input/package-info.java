/**
 * Readers that turn transaction files (CSV, ISO 20022 camt.053 XML, JSON lines) and the optional
 * accounts CSV into {@link kz.qorgau.signals.tx.Transaction} values, one row at a time; a bad row
 * comes back as a value naming its line and the problem, and the rest of the file is still read.
 */
@NullMarked
package kz.qorgau.signals.tx.input;

import org.jspecify.annotations.NullMarked;

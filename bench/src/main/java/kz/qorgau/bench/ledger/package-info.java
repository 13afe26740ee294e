/** The ledger benchmark: appends, audit of a million entries against raw SHA-256, and proof times. */
@NullMarked
package kz.qorgau.bench.ledger;

import org.jspecify.annotations.NullMarked;

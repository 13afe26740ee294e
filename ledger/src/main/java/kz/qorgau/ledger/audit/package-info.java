/**
 * Audits a stored ledger: recomputes the Merkle tree from the stored entries in one streaming pass and checks
 * stored leaf hashes and roots, entry times and every signed checkpoint, naming the first index that can not be
 * trusted. Used by {@code qorgau ledger verify}.
 */
@NullMarked
package kz.qorgau.ledger.audit;

import org.jspecify.annotations.NullMarked;

/**
 * The canonical ledger entry: what happened ({@code report.filed}, {@code case.read}, …), to which case (as a
 * keyed-hash pseudonym), by which organisation and role, when, and the SHA-256 of the content — never personal
 * data in clear. Its bytes are the Merkle log's leaves.
 */
@NullMarked
package kz.qorgau.ledger.entry;

import org.jspecify.annotations.NullMarked;

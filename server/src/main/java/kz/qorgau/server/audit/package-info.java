/**
 * The tamper-evident ledger: every change and every read of case data appends a canonical entry to
 * an RFC 9162 Merkle log in the same transaction; checkpoints are signed as C2SP signed notes and
 * served, with proofs, to anyone.
 */
@NullMarked
@ApplicationModule(displayName = "Audit")
package kz.qorgau.server.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

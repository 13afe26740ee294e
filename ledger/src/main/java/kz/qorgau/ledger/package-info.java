/**
 * Tamper-evident log: an RFC 9162 Merkle tree over SHA-256 with O(log n) append state ({@link
 * kz.qorgau.ledger.LogState}), a storage interface for perfect-subtree hashes ({@link kz.qorgau.ledger.HashStore}),
 * inclusion and consistency proofs for any past size ({@link kz.qorgau.ledger.LogProofs}) and their
 * verification ({@link kz.qorgau.ledger.ProofVerifier}), and checkpoints in the C2SP {@code tlog-checkpoint}
 * format ({@link kz.qorgau.ledger.Checkpoint}). Signed notes are in {@code kz.qorgau.ledger.note}, the canonical
 * entry in {@code kz.qorgau.ledger.entry}, the auditor behind {@code qorgau ledger verify} in
 * {@code kz.qorgau.ledger.audit}.
 *
 * <p>Depends on nothing but the JDK.
 */
@NullMarked
package kz.qorgau.ledger;

import org.jspecify.annotations.NullMarked;

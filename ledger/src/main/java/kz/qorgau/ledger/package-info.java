/**
 * Tamper-evident log: an RFC 9162 Merkle tree over SHA-256, inclusion and consistency proofs, and
 * checkpoints in the C2SP {@code tlog-checkpoint} format signed as C2SP signed notes with Ed25519.
 *
 * <p>Depends on nothing but the JDK.
 */
@NullMarked
package kz.qorgau.ledger;

import org.jspecify.annotations.NullMarked;

/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures and c2sp.org/tlog-cosignature witness
 * cosignatures, byte-compatible with Go's {@code golang.org/x/mod/sumdb/note}: key strings, key IDs,
 * signing, and opening a note against known keys.
 *
 * <p>Depends on nothing but the JDK's {@code Ed25519} and {@code SHA-256}.
 */
@NullMarked
package kz.qorgau.ledger.note;

import org.jspecify.annotations.NullMarked;

package kz.qorgau.ledger.audit;

import java.util.OptionalLong;
import kz.qorgau.ledger.Hash;

/** The outcome of {@link LogAuditor#audit}: the log is intact, or broken from a named index on. */
public sealed interface AuditResult permits AuditResult.Intact, AuditResult.Broken {

    /**
     * Every stored entry, leaf hash, root and checkpoint agrees with the recomputed tree.
     *
     * @param size the number of entries
     * @param root the recomputed root of all entries
     * @param checkpointsVerified how many checkpoints (stored and external) matched the recomputed tree
     */
    record Intact(long size, Hash root, int checkpointsVerified) implements AuditResult {}

    /**
     * The first problem found; the audit stops there.
     *
     * @param problem what kind of problem
     * @param index the first entry index that can not be trusted (see {@link Problem}), or empty when the
     *     problem is a checkpoint itself rather than the entries
     * @param message a sentence for a person: where, what was expected, what was found
     */
    record Broken(Problem problem, OptionalLong index, String message) implements AuditResult {}

    /** Kinds of problems, each saying what {@link Broken#index()} names. */
    enum Problem {
        /** A row's index skips ahead: the entry at {@code index} is missing (deleted). */
        MISSING_INDEX,
        /** Two rows claim the same index {@code index} (one was inserted). */
        DUPLICATE_INDEX,
        /** A row's index {@code index} is smaller than an earlier row's (rows reordered). */
        INDEX_OUT_OF_ORDER,
        /** The entry at {@code index} is not a canonical entry. */
        MALFORMED_ENTRY,
        /** The entry bytes at {@code index} do not hash to the stored leaf hash (the entry was changed). */
        LEAF_HASH_MISMATCH,
        /** The stored root after appending entry {@code index} differs from the recomputed one. */
        ROOT_MISMATCH,
        /** The entry at {@code index} is older than the one before it. */
        TIME_WENT_BACKWARDS,
        /**
         * A signed checkpoint's root differs from the root recomputed at its size: an entry between {@code index}
         * (the end of the last checkpoint that matched) and the checkpoint's size was changed, inserted, removed
         * or reordered after the checkpoint was signed.
         */
        CHECKPOINT_ROOT_MISMATCH,
        /** A checkpoint covers more entries than exist: entries from {@code index} on were deleted. */
        CHECKPOINT_BEYOND_LOG,
        /** A checkpoint is not a well-formed signed checkpoint (no index). */
        MALFORMED_CHECKPOINT,
        /** A checkpoint is not validly signed by the log's key, or a known witness signature fails (no index). */
        BAD_CHECKPOINT_SIGNATURE,
        /** A checkpoint names another log's origin (no index). */
        WRONG_ORIGIN,
        /** A stored checkpoint has a smaller size than one stored before it: the log went back (no index). */
        CHECKPOINTS_OUT_OF_ORDER
    }

    /** True for {@link Intact}. */
    default boolean isIntact() {
        return this instanceof Intact;
    }
}

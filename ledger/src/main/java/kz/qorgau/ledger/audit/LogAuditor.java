package kz.qorgau.ledger.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import kz.qorgau.ledger.Checkpoint;
import kz.qorgau.ledger.CompactMerkleTree;
import kz.qorgau.ledger.Hash;
import kz.qorgau.ledger.audit.AuditResult.Broken;
import kz.qorgau.ledger.audit.AuditResult.Problem;
import kz.qorgau.ledger.entry.LedgerEntry;
import kz.qorgau.ledger.entry.MalformedEntryException;
import kz.qorgau.ledger.note.MalformedNoteException;
import kz.qorgau.ledger.note.NoteVerification;
import kz.qorgau.ledger.note.NoteVerifier;
import kz.qorgau.ledger.note.SignedNote;
import org.jspecify.annotations.Nullable;

/**
 * Audits a stored ledger in one pass over its rows in index order: recomputes the Merkle tree, checks each
 * row's index, entry format, stored leaf hash, stored root and time, and checks every signed checkpoint against
 * the root recomputed at its size. Stops at the first problem and names the first index that can not be
 * trusted.
 *
 * <p>Memory is O(log n) plus a bounded number of stored checkpoints read ahead, whatever the number of rows;
 * time is two SHA-256 computations per row, plus O(log n) more per row when stored roots are given (checking
 * a root costs a fold of the right edge), plus one Ed25519 verification per checkpoint (about a millisecond
 * with the JDK's implementation). Given an {@link Executor}, the auditor verifies the signatures of upcoming
 * checkpoints on it while the calling thread hashes, so on two cores checkpoint signatures cost little extra.
 */
public final class LogAuditor {

    /** How many stored checkpoints are parsed and verified ahead of the rows when an executor is given. */
    private static final int LOOKAHEAD = 64;

    private final String origin;
    private final NoteVerifier logKey;
    private final List<NoteVerifier> knownKeys;
    private final @Nullable Executor signatureExecutor;

    /**
     * @param origin the log's origin line, e.g. {@code qorgau.example.kz/ledger}
     * @param logKey the log's checkpoint-signing key
     * @param witnessKeys witnesses' keys whose cosignatures, where present, must verify (may be empty)
     */
    public LogAuditor(String origin, NoteVerifier logKey, List<? extends NoteVerifier> witnessKeys) {
        this(origin, logKey, witnessKeys, null);
    }

    /**
     * An auditor that verifies checkpoint signatures ahead of the rows on {@code signatureExecutor} (e.g. a
     * single extra thread); results and the first problem reported are the same as without it.
     *
     * @param origin the log's origin line
     * @param logKey the log's checkpoint-signing key
     * @param witnessKeys witnesses' keys whose cosignatures, where present, must verify (may be empty)
     * @param signatureExecutor where to verify signatures ahead, or null to verify them on the calling thread
     */
    public LogAuditor(
            String origin,
            NoteVerifier logKey,
            List<? extends NoteVerifier> witnessKeys,
            @Nullable Executor signatureExecutor) {
        this.signatureExecutor = signatureExecutor;
        this.origin = origin;
        this.logKey = logKey;
        List<NoteVerifier> known = new ArrayList<>(witnessKeys.size() + 1);
        known.add(logKey);
        known.addAll(witnessKeys);
        this.knownKeys = List.copyOf(known);
    }

    /**
     * Audits the log.
     *
     * @param rows the stored rows, ordered by index
     * @param storedCheckpoints the log's stored checkpoints in the order they were signed (sizes never
     *     decrease); consumed as the tree grows past their sizes
     * @param externalCheckpoints checkpoints held outside the log (e.g. by a witness or the reporter), any
     *     order; usually none or one
     */
    public AuditResult audit(
            Iterator<LedgerRow> rows,
            Iterator<CheckpointRecord> storedCheckpoints,
            List<CheckpointRecord> externalCheckpoints) {
        Run run = new Run(storedCheckpoints);
        Broken broken = run.loadExternal(externalCheckpoints);
        if (broken == null) {
            broken = run.advanceStored();
        }
        while (broken == null && rows.hasNext()) {
            LedgerRow row = rows.next();
            broken = run.checkpointsAt(run.tree.size());
            if (broken == null) {
                broken = run.row(row);
            }
        }
        if (broken == null) {
            broken = run.checkpointsAt(run.tree.size());
        }
        if (broken == null) {
            broken = run.checkpointBeyondLog();
        }
        if (broken != null) {
            return broken;
        }
        return new AuditResult.Intact(run.tree.size(), run.tree.root(), run.checkpointsVerified);
    }

    /** The outcome of reading one checkpoint record: accepted, or the audit's end. */
    private sealed interface Opening {}

    /** A checkpoint that parsed, is signed by the log and names this log. */
    private record Accepted(CheckpointRecord record, Checkpoint checkpoint) implements Opening {}

    /** A checkpoint that must not be trusted, and the result that says so. */
    private record Refused(Broken broken) implements Opening {}

    private final class Run {
        private final CompactMerkleTree tree = new CompactMerkleTree();
        private final Iterator<CheckpointRecord> storedCheckpoints;
        private final Deque<CompletableFuture<Opening>> storedAhead = new ArrayDeque<>();
        private final Deque<Accepted> external = new ArrayDeque<>();
        private @Nullable Accepted nextStored;
        private long lastStoredSize;
        private long lastMicros = -1;
        private long trustedUpTo;
        private int checkpointsVerified;

        Run(Iterator<CheckpointRecord> storedCheckpoints) {
            this.storedCheckpoints = storedCheckpoints;
        }

        @Nullable
        Broken loadExternal(List<CheckpointRecord> records) {
            List<Accepted> accepted = new ArrayList<>();
            for (CheckpointRecord record : records) {
                switch (open(record)) {
                    case Refused refused -> {
                        return refused.broken();
                    }
                    case Accepted ok -> accepted.add(ok);
                }
            }
            accepted.sort(Comparator.comparingLong(a -> a.checkpoint().size()));
            external.addAll(accepted);
            return null;
        }

        @Nullable
        Broken advanceStored() {
            nextStored = null;
            Opening opened = nextOpenedStored();
            if (opened == null) {
                return null;
            }
            if (opened instanceof Refused refused) {
                return refused.broken();
            }
            Accepted accepted = (Accepted) opened;
            CheckpointRecord record = accepted.record();
            long size = accepted.checkpoint().size();
            if (size < lastStoredSize || size < tree.size()) {
                return new Broken(
                        Problem.CHECKPOINTS_OUT_OF_ORDER,
                        OptionalLong.empty(),
                        record.label() + " has size " + size + ", smaller than a checkpoint signed before it (size "
                                + Math.max(lastStoredSize, tree.size()) + "): the log went back or was forked");
            }
            lastStoredSize = size;
            nextStored = accepted;
            return null;
        }

        /** The next stored checkpoint, opened, or null after the last. */
        private @Nullable Opening nextOpenedStored() {
            Executor executor = signatureExecutor;
            if (executor == null) {
                return storedCheckpoints.hasNext() ? open(storedCheckpoints.next()) : null;
            }
            while (storedAhead.size() < LOOKAHEAD && storedCheckpoints.hasNext()) {
                CheckpointRecord record = storedCheckpoints.next();
                storedAhead.addLast(CompletableFuture.supplyAsync(() -> open(record), executor));
            }
            CompletableFuture<Opening> next = storedAhead.pollFirst();
            return next == null ? null : next.join();
        }

        @Nullable
        Broken checkpointsAt(long size) {
            while (nextStored != null && nextStored.checkpoint().size() == size) {
                Broken broken = compare(nextStored);
                if (broken == null) {
                    broken = advanceStored();
                }
                if (broken != null) {
                    return broken;
                }
            }
            while (!external.isEmpty() && external.peekFirst().checkpoint().size() == size) {
                Broken broken = compare(external.pollFirst());
                if (broken != null) {
                    return broken;
                }
            }
            return null;
        }

        @Nullable
        Broken checkpointBeyondLog() {
            Accepted beyond = nextStored != null ? nextStored : external.peekFirst();
            if (beyond == null) {
                return null;
            }
            long size = tree.size();
            return new Broken(
                    Problem.CHECKPOINT_BEYOND_LOG,
                    OptionalLong.of(size),
                    beyond.record().label() + " covers " + beyond.checkpoint().size() + " entries but the log has only "
                            + size + ": entries from index " + size + " on were deleted after it was signed");
        }

        @Nullable
        Broken row(LedgerRow row) {
            long expected = tree.size();
            if (row.index() != expected) {
                if (row.index() > expected) {
                    return broken(
                            Problem.MISSING_INDEX,
                            expected,
                            "there is no entry " + expected + "; the next stored row has index " + row.index()
                                    + ": entries were deleted");
                }
                if (row.index() == expected - 1) {
                    return broken(
                            Problem.DUPLICATE_INDEX,
                            row.index(),
                            "two rows have index " + row.index() + ": an entry was inserted");
                }
                return broken(
                        Problem.INDEX_OUT_OF_ORDER,
                        row.index(),
                        "a row with index " + row.index() + " comes after index " + (expected - 1)
                                + ": rows are out of order");
            }
            long micros;
            try {
                micros = LedgerEntry.epochMicrosOf(row.entry());
            } catch (MalformedEntryException e) {
                return broken(
                        Problem.MALFORMED_ENTRY, expected, "is not a canonical ledger entry (" + e.getMessage() + ")");
            }
            tree.appendEntry(row.entry());
            byte[] storedLeaf = row.leafHash();
            if (storedLeaf != null && !tree.lastLeafHashEquals(storedLeaf)) {
                return broken(
                        Problem.LEAF_HASH_MISMATCH,
                        expected,
                        "the entry bytes hash to leaf " + tree.lastLeafHash() + " but the stored leaf hash is "
                                + hex(storedLeaf) + ": the entry or its leaf hash was changed");
            }
            byte[] storedRoot = row.rootAfterAppend();
            if (storedRoot != null && !tree.rootEquals(storedRoot)) {
                return broken(
                        Problem.ROOT_MISMATCH,
                        expected,
                        "the entries up to here hash to root " + tree.root() + " but the stored root is "
                                + hex(storedRoot) + ": this or an earlier entry was changed, inserted or removed");
            }
            if (micros < lastMicros) {
                return broken(
                        Problem.TIME_WENT_BACKWARDS,
                        expected,
                        "its time " + LedgerEntry.fromBytes(row.entry()).time() + " is before the time of entry "
                                + (expected - 1) + ": entries were reordered or back-dated");
            }
            lastMicros = micros;
            return null;
        }

        private @Nullable Broken compare(Accepted accepted) {
            Checkpoint checkpoint = accepted.checkpoint();
            Hash recomputed = tree.root();
            if (!recomputed.equals(checkpoint.root())) {
                return new Broken(
                        Problem.CHECKPOINT_ROOT_MISMATCH,
                        OptionalLong.of(trustedUpTo),
                        accepted.record().label() + " says the first " + checkpoint.size() + " entries have root "
                                + checkpoint.root() + " but they hash to " + recomputed + ": an entry between index "
                                + trustedUpTo + " and " + (checkpoint.size() - 1)
                                + " was changed, inserted, removed or reordered after the checkpoint was signed");
            }
            trustedUpTo = checkpoint.size();
            checkpointsVerified++;
            return null;
        }

        /** Parses and checks one checkpoint; safe to run on another thread (it touches no audit state). */
        private Opening open(CheckpointRecord record) {
            SignedNote note;
            Checkpoint checkpoint;
            try {
                note = SignedNote.parse(record.signedNote());
                checkpoint = Checkpoint.parseNoteText(note.text());
            } catch (MalformedNoteException e) {
                return refused(
                        Problem.MALFORMED_CHECKPOINT,
                        OptionalLong.empty(),
                        record.label() + " is not a signed checkpoint: " + e.getMessage());
            }
            NoteVerification verification = note.open(knownKeys);
            if (verification instanceof NoteVerification.Rejected rejected) {
                return refused(
                        Problem.BAD_CHECKPOINT_SIGNATURE,
                        OptionalLong.empty(),
                        record.label() + ": " + rejected.reason());
            }
            if (!((NoteVerification.Verified) verification).isSignedBy(logKey)) {
                return refused(
                        Problem.BAD_CHECKPOINT_SIGNATURE,
                        OptionalLong.empty(),
                        record.label() + " is not signed by the log's key " + logKey.name() + "+"
                                + String.format("%08x", logKey.keyId()));
            }
            if (!checkpoint.origin().equals(origin)) {
                return refused(
                        Problem.WRONG_ORIGIN,
                        OptionalLong.empty(),
                        record.label() + " is for the log '" + checkpoint.origin() + "', not '" + origin + "'");
            }
            return new Accepted(record, checkpoint);
        }

        private Refused refused(Problem problem, OptionalLong index, String message) {
            return new Refused(new Broken(problem, index, message));
        }

        private Broken broken(Problem problem, long index, String what) {
            return new Broken(problem, OptionalLong.of(index), "entry " + index + ": " + what);
        }

        private String hex(byte[] bytes) {
            return bytes.length == Hash.SIZE ? Hash.of(bytes).toHex() : bytes.length + " bytes (not a hash)";
        }
    }
}

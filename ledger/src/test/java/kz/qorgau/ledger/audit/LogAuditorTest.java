package kz.qorgau.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Random;
import kz.qorgau.ledger.Checkpoint;
import kz.qorgau.ledger.CompactMerkleTree;
import kz.qorgau.ledger.Hash;
import kz.qorgau.ledger.MerkleHashing;
import kz.qorgau.ledger.audit.AuditResult.Broken;
import kz.qorgau.ledger.audit.AuditResult.Problem;
import kz.qorgau.ledger.entry.LedgerEntry;
import kz.qorgau.ledger.note.Cosigner;
import kz.qorgau.ledger.note.NoteSigner;
import kz.qorgau.ledger.note.SignedNote;
import org.junit.jupiter.api.Test;

/**
 * The auditor finds changed, deleted, inserted and reordered rows at the right index, whatever the server
 * stored besides the entries, and checks every checkpoint.
 */
class LogAuditorTest {

    private static final String ORIGIN = "qorgau.example.kz/ledger";
    private static final int SIZE = 95;
    private static final int CHECKPOINT_EVERY = 10;

    private final NoteSigner signer = NoteSigner.fromSignerKey(
            NoteSigner.generateKeyPair(ORIGIN, seeded(21)).signerKey());
    private final LogAuditor auditor = new LogAuditor(ORIGIN, signer.verifier(), List.of());
    private final List<byte[]> entries = entries(SIZE);

    @Test
    void anUntouchedLogIsIntactWithEveryCheckpointVerified() {
        AuditResult result = audit(rows(entries, true, true), checkpoints(entries), List.of());

        assertThat(result).isEqualTo(new AuditResult.Intact(SIZE, rootOf(entries), SIZE / CHECKPOINT_EVERY));
    }

    @Test
    void checkingSignaturesAheadOnAnotherThreadGivesTheSameResults() {
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            LogAuditor ahead = new LogAuditor(ORIGIN, signer.verifier(), List.of(), executor);
            assertThat(ahead.audit(
                            rows(entries, true, true).iterator(),
                            checkpoints(entries).iterator(),
                            List.of()))
                    .isEqualTo(new AuditResult.Intact(SIZE, rootOf(entries), SIZE / CHECKPOINT_EVERY));

            List<CheckpointRecord> checkpoints = new ArrayList<>(checkpoints(entries));
            checkpoints.set(
                    6,
                    new CheckpointRecord("id 7", checkpoints.get(6).signedNote().replace("\n70\n", "\n71\n")));
            List<byte[]> tampered = new ArrayList<>(entries);
            tampered.set(41, changed(entries.get(41)));
            assertBroken(
                    ahead.audit(rows(tampered, false, false).iterator(), checkpoints.iterator(), List.of()),
                    Problem.CHECKPOINT_ROOT_MISMATCH,
                    40);
            assertThat(ahead.audit(rows(entries, false, false).iterator(), checkpoints.iterator(), List.of()))
                    .isInstanceOfSatisfying(
                            Broken.class, b -> assertThat(b.problem()).isEqualTo(Problem.BAD_CHECKPOINT_SIGNATURE));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void anEmptyLogIsIntact() {
        assertThat(audit(List.of(), List.of(), List.of()))
                .isEqualTo(new AuditResult.Intact(0, MerkleHashing.emptyRoot(), 0));
    }

    @Test
    void aChangedEntryIsFoundAtItsIndexByTheStoredLeafHash() {
        List<LedgerRow> rows = rows(entries, true, true);
        rows.set(
                41,
                new LedgerRow(
                        41,
                        changed(entries.get(41)),
                        rows.get(41).leafHash(),
                        rows.get(41).rootAfterAppend()));

        assertBroken(audit(rows, checkpoints(entries), List.of()), Problem.LEAF_HASH_MISMATCH, 41);
    }

    @Test
    void aChangedEntryWithARecomputedLeafHashIsFoundAtItsIndexByTheStoredRoot() {
        List<byte[]> tampered = new ArrayList<>(entries);
        tampered.set(41, changed(entries.get(41)));
        List<LedgerRow> rows = rows(entries, true, true);
        rows.set(
                41,
                new LedgerRow(
                        41,
                        tampered.get(41),
                        leaf(tampered.get(41)),
                        rows.get(41).rootAfterAppend()));

        assertBroken(audit(rows, checkpoints(entries), List.of()), Problem.ROOT_MISMATCH, 41);
    }

    @Test
    void aChangeWithEverythingRecomputedIsCaughtByTheFirstCheckpointAfterIt() {
        List<byte[]> tampered = new ArrayList<>(entries);
        tampered.set(41, changed(entries.get(41)));

        AuditResult result = audit(rows(tampered, true, true), checkpoints(entries), List.of());

        assertBroken(result, Problem.CHECKPOINT_ROOT_MISMATCH, 40);
        assertThat(((Broken) result).message()).contains("between index 40 and 49");
    }

    @Test
    void aChangedEntryInALogThatStoresOnlyEntriesIsCaughtByTheCheckpoint() {
        List<byte[]> tampered = new ArrayList<>(entries);
        tampered.set(3, changed(entries.get(3)));

        assertBroken(
                audit(rows(tampered, false, false), checkpoints(entries), List.of()),
                Problem.CHECKPOINT_ROOT_MISMATCH,
                0);
    }

    @Test
    void aDeletedRowLeavesAGapAtItsIndex() {
        List<LedgerRow> rows = rows(entries, true, true);
        rows.remove(57);

        assertBroken(audit(rows, checkpoints(entries), List.of()), Problem.MISSING_INDEX, 57);
    }

    @Test
    void aDeletedRowWithTheRestRenumberedIsFoundAtItsIndex() {
        List<LedgerRow> original = rows(entries, true, true);
        List<LedgerRow> rows = new ArrayList<>();
        for (LedgerRow row : original) {
            if (row.index() < 57) {
                rows.add(row);
            } else if (row.index() > 57) {
                rows.add(new LedgerRow(row.index() - 1, row.entry(), row.leafHash(), row.rootAfterAppend()));
            }
        }

        assertBroken(audit(rows, checkpoints(entries), List.of()), Problem.ROOT_MISMATCH, 57);
    }

    @Test
    void rowsDeletedFromTheEndAreFoundByACheckpointThatCoveredThem() {
        List<LedgerRow> rows = rows(entries, true, true).subList(0, 83);

        AuditResult result = audit(rows, checkpoints(entries), List.of());

        assertBroken(result, Problem.CHECKPOINT_BEYOND_LOG, 83);
        assertThat(((Broken) result).message()).contains("covers 90 entries but the log has only 83");
    }

    @Test
    void rowsDeletedFromTheEndAfterTheLastCheckpointAreFoundOnlyByACheckpointHeldOutside() {
        List<LedgerRow> rows = rows(entries, true, true).subList(0, 92);
        String witnessCopy = Checkpoint.of(ORIGIN, SIZE, rootOf(entries)).sign(signer);

        assertThat(audit(rows, checkpoints(entries), List.of()).isIntact())
                .as("nobody outside held a checkpoint covering entries 92 to 94")
                .isTrue();
        assertBroken(
                audit(
                        rows,
                        checkpoints(entries),
                        List.of(new CheckpointRecord("--checkpoint witness.txt", witnessCopy))),
                Problem.CHECKPOINT_BEYOND_LOG,
                92);
    }

    @Test
    void anInsertedRowIsFoundAsADuplicateIndex() {
        List<LedgerRow> rows = rows(entries, true, true);
        byte[] forged = entry(1000, Instant.parse("2025-01-01T00:00:30Z"));
        rows.add(31, new LedgerRow(30, forged, leaf(forged), null));

        assertBroken(audit(rows, checkpoints(entries), List.of()), Problem.DUPLICATE_INDEX, 30);
    }

    @Test
    void anInsertedRowWithTheRestRenumberedAndRecomputedIsCaughtByTheNextCheckpoint() {
        List<byte[]> tampered = new ArrayList<>(entries);
        tampered.add(31, entry(1000, Instant.parse("2025-01-01T00:00:30.500Z")));

        assertBroken(
                audit(rows(tampered, true, true), checkpoints(entries), List.of()),
                Problem.CHECKPOINT_ROOT_MISMATCH,
                30);
    }

    @Test
    void swappedRowsAreFoundAtTheFirstSwappedIndex() {
        List<LedgerRow> rows = rows(entries, true, true);
        LedgerRow a = rows.get(62);
        LedgerRow b = rows.get(63);
        rows.set(62, new LedgerRow(62, b.entry(), a.leafHash(), a.rootAfterAppend()));
        rows.set(63, new LedgerRow(63, a.entry(), b.leafHash(), b.rootAfterAppend()));

        assertBroken(audit(rows, checkpoints(entries), List.of()), Problem.LEAF_HASH_MISMATCH, 62);
    }

    @Test
    void swappedEntriesInALogThatStoresOnlyEntriesAreFoundByTheirTimes() {
        List<byte[]> tampered = new ArrayList<>(entries);
        tampered.set(62, entries.get(63));
        tampered.set(63, entries.get(62));

        AuditResult result = audit(rows(tampered, false, false), List.of(), List.of());

        assertBroken(result, Problem.TIME_WENT_BACKWARDS, 63);
        assertThat(((Broken) result).message()).contains("before the time of entry 62");
    }

    @Test
    void aRowThatIsNotAnEntryIsReported() {
        List<LedgerRow> rows = rows(entries, false, false);
        rows.set(5, LedgerRow.of(5, new byte[] {1, 2, 3}));

        assertBroken(audit(rows, List.of(), List.of()), Problem.MALFORMED_ENTRY, 5);
    }

    @Test
    void aCheckpointWithABadSignatureIsReported() {
        List<CheckpointRecord> checkpoints = new ArrayList<>(checkpoints(entries));
        String forged = checkpoints.get(2).signedNote().replace("\n30\n", "\n31\n");
        checkpoints.set(2, new CheckpointRecord("ledger_checkpoints id 3", forged));

        AuditResult result = audit(rows(entries, true, true), checkpoints, List.of());

        assertThat(result).isInstanceOfSatisfying(Broken.class, broken -> {
            assertThat(broken.problem()).isEqualTo(Problem.BAD_CHECKPOINT_SIGNATURE);
            assertThat(broken.index()).isEmpty();
            assertThat(broken.message()).startsWith("ledger_checkpoints id 3: line 5:");
        });
    }

    @Test
    void aMalformedOrForeignCheckpointIsReported() {
        String malformed = "qorgau.example.kz/ledger\n0010\n"
                + rootOf(entries.subList(0, 10)).toBase64() + "\n\n"
                + signer.sign("x\n").line() + "\n";
        assertThat(audit(rows(entries, false, false), List.of(new CheckpointRecord("file", malformed)), List.of()))
                .isInstanceOfSatisfying(Broken.class, broken -> {
                    assertThat(broken.problem()).isEqualTo(Problem.MALFORMED_CHECKPOINT);
                    assertThat(broken.message()).contains("line 2");
                });

        String foreign = Checkpoint.of("other.example/log", 10, rootOf(entries.subList(0, 10)))
                .sign(signer);
        assertThat(audit(rows(entries, false, false), List.of(new CheckpointRecord("file", foreign)), List.of()))
                .isInstanceOfSatisfying(
                        Broken.class, b -> assertThat(b.problem()).isEqualTo(Problem.WRONG_ORIGIN));
    }

    @Test
    void aStoredCheckpointSmallerThanAnEarlierOneIsReported() {
        List<CheckpointRecord> checkpoints = new ArrayList<>(checkpoints(entries));
        checkpoints.add(4, checkpoints.get(1));

        assertThat(audit(rows(entries, true, true), checkpoints, List.of()))
                .isInstanceOfSatisfying(
                        Broken.class, b -> assertThat(b.problem()).isEqualTo(Problem.CHECKPOINTS_OUT_OF_ORDER));
    }

    @Test
    void anExternalCheckpointFromAForkIsReported() {
        List<byte[]> fork = new ArrayList<>(entries.subList(0, 77));
        fork.set(70, changed(fork.get(70)));
        String forkCheckpoint = Checkpoint.of(ORIGIN, 77, rootOf(fork)).sign(signer);

        assertBroken(
                audit(
                        rows(entries, true, true),
                        checkpoints(entries),
                        List.of(new CheckpointRecord("witness", forkCheckpoint))),
                Problem.CHECKPOINT_ROOT_MISMATCH,
                70);
    }

    @Test
    void witnessCosignaturesOnAnExternalCheckpointAreChecked() {
        Cosigner witness = Cosigner.fromSignerKey(
                Cosigner.generateKeyPair("witness.example.org", seeded(22)).signerKey());
        LogAuditor withWitness = new LogAuditor(ORIGIN, signer.verifier(), List.of(witness.verifier()));
        String text = Checkpoint.of(ORIGIN, 77, rootOf(entries.subList(0, 77))).toNoteText();
        SignedNote cosigned =
                SignedNote.of(text, signer.sign(text)).withSignature(witness.cosign(text, 1_750_000_000L));
        byte[] bad = witness.cosign(text, 1_750_000_000L).signature();
        bad[20] ^= 1;
        SignedNote forged = SignedNote.of(text, signer.sign(text))
                .withSignature(new kz.qorgau.ledger.note.NoteSignature(witness.name(), witness.keyId(), bad));

        assertThat(withWitness
                        .audit(
                                rows(entries, true, true).iterator(),
                                checkpoints(entries).iterator(),
                                List.of(new CheckpointRecord("witness", cosigned.encode())))
                        .isIntact())
                .isTrue();
        assertThat(withWitness.audit(
                        rows(entries, true, true).iterator(),
                        checkpoints(entries).iterator(),
                        List.of(new CheckpointRecord("witness", forged.encode()))))
                .isInstanceOfSatisfying(
                        Broken.class, b -> assertThat(b.problem()).isEqualTo(Problem.BAD_CHECKPOINT_SIGNATURE));
    }

    @Test
    void rowsAreReadAsAStreamWithoutBeingHeld() {
        int size = 20_000;
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        CompactMerkleTree tree = new CompactMerkleTree();
        for (int i = 0; i < size; i++) {
            tree.appendEntry(entry(i, start.plusMillis(i)));
        }
        Iterator<LedgerRow> generated = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public LedgerRow next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return LedgerRow.of(i, entry(i, start.plusMillis(i)));
            }
        };
        String last = Checkpoint.of(ORIGIN, size, tree.root()).sign(signer);

        AuditResult result = auditor.audit(
                generated, List.of(new CheckpointRecord("last", last)).iterator(), List.of());

        assertThat(result).isEqualTo(new AuditResult.Intact(size, tree.root(), 1));
    }

    private AuditResult audit(List<LedgerRow> rows, List<CheckpointRecord> stored, List<CheckpointRecord> external) {
        return auditor.audit(rows.iterator(), stored.iterator(), external);
    }

    private static void assertBroken(AuditResult result, Problem problem, long index) {
        assertThat(result).isInstanceOfSatisfying(Broken.class, broken -> {
            assertThat(broken.problem()).as(broken.message()).isEqualTo(problem);
            assertThat(broken.index()).as(broken.message()).isEqualTo(OptionalLong.of(index));
        });
    }

    private List<CheckpointRecord> checkpoints(List<byte[]> entries) {
        List<CheckpointRecord> checkpoints = new ArrayList<>();
        for (int size = CHECKPOINT_EVERY; size <= entries.size(); size += CHECKPOINT_EVERY) {
            String signed = Checkpoint.of(ORIGIN, size, rootOf(entries.subList(0, size)))
                    .sign(signer);
            checkpoints.add(new CheckpointRecord("ledger_checkpoints id " + (size / CHECKPOINT_EVERY), signed));
        }
        return checkpoints;
    }

    private static List<LedgerRow> rows(List<byte[]> entries, boolean leafHashes, boolean roots) {
        List<LedgerRow> rows = new ArrayList<>();
        CompactMerkleTree tree = new CompactMerkleTree();
        for (int i = 0; i < entries.size(); i++) {
            tree.appendEntry(entries.get(i));
            rows.add(new LedgerRow(
                    i,
                    entries.get(i),
                    leafHashes ? tree.lastLeafHash().toByteArray() : null,
                    roots ? tree.root().toByteArray() : null));
        }
        return rows;
    }

    private static Hash rootOf(List<byte[]> entries) {
        CompactMerkleTree tree = new CompactMerkleTree();
        entries.forEach(tree::appendEntry);
        return tree.root();
    }

    private static byte[] leaf(byte[] entry) {
        return MerkleHashing.leafHash(entry).toByteArray();
    }

    private static List<byte[]> entries(int count) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(entry(i, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i)));
        }
        return entries;
    }

    private static byte[] entry(int i, Instant time) {
        return LedgerEntry.forCase(
                        i % 2 == 0 ? "case.read" : "referral.sent",
                        Hash.sha256(new byte[] {(byte) (i % 7)}),
                        "KZ-ORG-" + (i % 3),
                        "case_worker",
                        time,
                        Hash.sha256(Integer.toString(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .toBytes();
    }

    /** The same entry with another content hash: a plausible edit. */
    private static byte[] changed(byte[] entry) {
        LedgerEntry decoded = LedgerEntry.fromBytes(entry);
        return new LedgerEntry(
                        decoded.type(),
                        decoded.casePseudonym(),
                        decoded.actorOrganisation(),
                        decoded.actorRole(),
                        decoded.time(),
                        Hash.sha256(new byte[] {42}))
                .toBytes();
    }

    private static SecureRandom seeded(long seed) {
        Random random = new Random(seed);
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                random.nextBytes(bytes);
            }
        };
    }
}

package kz.qorgau.bench.ledger;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kz.qorgau.bench.Benchmark;
import kz.qorgau.ledger.Checkpoint;
import kz.qorgau.ledger.CompactMerkleTree;
import kz.qorgau.ledger.ConsistencyProof;
import kz.qorgau.ledger.Hash;
import kz.qorgau.ledger.HashStore;
import kz.qorgau.ledger.InclusionProof;
import kz.qorgau.ledger.MerkleHashing;
import kz.qorgau.ledger.MerkleLog;
import kz.qorgau.ledger.audit.AuditResult;
import kz.qorgau.ledger.audit.CheckpointRecord;
import kz.qorgau.ledger.audit.LedgerRow;
import kz.qorgau.ledger.audit.LogAuditor;
import kz.qorgau.ledger.entry.LedgerEntry;
import kz.qorgau.ledger.note.NoteSigner;
import org.jspecify.annotations.Nullable;

/**
 * {@code qorgau bench ledger [ENTRIES [PROOFS]]} (defaults 1,000,000 and 100,000). Generates canonical entries
 * from a seeded {@link Random} and measures, in one run:
 *
 * <ul>
 *   <li>appends per second to a {@link MerkleLog} over the in-memory {@link HashStore} (leaf hashing and node
 *       writes included);
 *   <li>the baseline: SHA-256 of every entry's bytes with one reused digest, the physical limit of any audit;
 *   <li>recomputing the tree alone, and a full {@link LogAuditor} audit of the entries (entry format, stored
 *       leaf hashes, the final signed checkpoint), each as a ratio to the baseline (target: audit under 3×);
 *       the same audit with a signed checkpoint every 10,000 entries (signatures checked on the calling
 *       thread, and ahead on a second thread), the mean cost of opening one checkpoint (dominated by the JDK's
 *       Ed25519 verification), and the audit that also checks a stored root after every append;
 *   <li>mean build and verify times of random inclusion proofs and build times of consistency proofs at the
 *       full size.
 * </ul>
 *
 * Each timed phase runs five times, alternating with the baseline, and the fastest run counts. Heap: the sum
 * of the heap pools' peak usage during the in-memory audit after resetting the peaks ({@code …PoolPeaks}; it
 * includes the generated rows and garbage), and the heap retained half-way through an audit of rows generated
 * on the fly, measured after {@code System.gc()} ({@code …RetainedHeapMiBAfterGc}; shows the O(log n) state).
 */
public final class LedgerBenchmark implements Benchmark {

    private static final String ORIGIN = "bench.qorgau.example.kz/ledger";
    private static final int CHECKPOINT_EVERY = 10_000;
    private static final int RUNS = 5;
    private static final String[] TYPES = {
        "report.filed", "case.read", "case.updated", "referral.sent", "referral.acknowledged", "message.added"
    };
    private static final String[] ROLES = {"reporter", "case_worker", "supervisor", "oversight", "system"};

    @Override
    public Map<String, Object> run(String[] args, PrintStream log) throws Exception {
        int entryCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int proofCount = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("entries", entryCount);

        log.printf("generating %,d canonical entries%n", entryCount);
        byte[][] entries = generateEntries(entryCount, 42);
        long totalBytes = 0;
        for (byte[] entry : entries) {
            totalBytes += entry.length;
        }
        figures.put("entryBytesMean", round((double) totalBytes / entryCount));

        log.println("appending to a MerkleLog over the in-memory HashStore");
        appendAll(entries, Math.min(entryCount, 200_000));
        @Nullable MerkleLog merkleLog = null;
        long append = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            merkleLog = appendAll(entries, entryCount);
            append = Math.min(append, System.nanoTime() - start);
        }
        figures.put("appendsPerSecondInMemory", Math.round(entryCount / seconds(append)));
        figures.putAll(postgresAppendFigures(log));

        log.println("preparing stored rows (leaf hash and root after every append) and signed checkpoints");
        NoteSigner signer = NoteSigner.fromSignerKey(
                NoteSigner.generateKeyPair(ORIGIN, new SecureRandom()).signerKey());
        List<LedgerRow> rowsWithLeafHashes = new ArrayList<>(entryCount);
        List<LedgerRow> rowsWithRoots = new ArrayList<>(entryCount);
        List<CheckpointRecord> checkpoints = new ArrayList<>();
        CompactMerkleTree tree = new CompactMerkleTree();
        for (int i = 0; i < entryCount; i++) {
            tree.appendEntry(entries[i]);
            byte[] leaf = tree.lastLeafHash().toByteArray();
            rowsWithLeafHashes.add(new LedgerRow(i, entries[i], leaf, null));
            rowsWithRoots.add(new LedgerRow(i, entries[i], leaf, tree.root().toByteArray()));
            if ((i + 1) % CHECKPOINT_EVERY == 0) {
                checkpoints.add(new CheckpointRecord(
                        "checkpoint " + checkpoints.size(),
                        Checkpoint.of(ORIGIN, i + 1, tree.root()).sign(signer)));
            }
        }
        List<CheckpointRecord> finalCheckpoint = List.of(new CheckpointRecord(
                "final checkpoint",
                Checkpoint.of(ORIGIN, entryCount, tree.root()).sign(signer)));
        LogAuditor auditor = new LogAuditor(ORIGIN, signer.verifier(), List.of());

        log.println("warming up");
        int warmUp = Math.min(entryCount, 200_000);
        for (int i = 0; i < 2; i++) {
            sha256Baseline(entries, warmUp);
            recomputeTree(entries, warmUp);
            auditor.audit(
                    rowsWithLeafHashes.subList(0, warmUp).iterator(),
                    List.<CheckpointRecord>of().iterator(),
                    List.of());
        }

        long baseline = Long.MAX_VALUE;
        long recompute = Long.MAX_VALUE;
        long audit = Long.MAX_VALUE;
        long auditWithCheckpoints = Long.MAX_VALUE;
        long auditWithCheckpointsAhead = Long.MAX_VALUE;
        ExecutorService signatureThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "checkpoint-signatures");
            thread.setDaemon(true);
            return thread;
        });
        LogAuditor auditorAhead = new LogAuditor(ORIGIN, signer.verifier(), List.of(), signatureThread);
        long auditWithRoots = Long.MAX_VALUE;
        long auditPoolPeakBytes = 0;
        for (int run = 1; run <= RUNS; run++) {
            log.printf("run %d of %d: SHA-256 baseline, tree, audits%n", run, RUNS);
            baseline = Math.min(baseline, sha256Baseline(entries, entryCount));
            recompute = Math.min(recompute, recomputeTree(entries, entryCount));
            resetPeaks();
            long start = System.nanoTime();
            AuditResult result = auditor.audit(rowsWithLeafHashes.iterator(), finalCheckpoint.iterator(), List.of());
            audit = Math.min(audit, System.nanoTime() - start);
            auditPoolPeakBytes = Math.max(auditPoolPeakBytes, poolPeaks());
            requireIntact(result, entryCount);
            start = System.nanoTime();
            result = auditor.audit(rowsWithLeafHashes.iterator(), checkpoints.iterator(), List.of());
            auditWithCheckpoints = Math.min(auditWithCheckpoints, System.nanoTime() - start);
            requireIntact(result, entryCount);
            start = System.nanoTime();
            result = auditorAhead.audit(rowsWithLeafHashes.iterator(), checkpoints.iterator(), List.of());
            auditWithCheckpointsAhead = Math.min(auditWithCheckpointsAhead, System.nanoTime() - start);
            requireIntact(result, entryCount);
            start = System.nanoTime();
            result = auditor.audit(rowsWithRoots.iterator(), finalCheckpoint.iterator(), List.of());
            auditWithRoots = Math.min(auditWithRoots, System.nanoTime() - start);
            requireIntact(result, entryCount);
        }
        figures.put("sha256BaselineMillis", millis(baseline));
        figures.put("treeRecomputeMillis", millis(recompute));
        figures.put("treeRecomputeRatioToSha256", round((double) recompute / baseline));
        figures.put("auditMillis", millis(audit));
        figures.put("auditRatioToSha256", round((double) audit / baseline));
        figures.put("checkpointsInAuditWithCheckpoints", checkpoints.size());
        figures.put("auditWithCheckpointsMillis", millis(auditWithCheckpoints));
        figures.put("auditWithCheckpointsRatioToSha256", round((double) auditWithCheckpoints / baseline));
        figures.put("auditWithCheckpointsSignaturesAheadMillis", millis(auditWithCheckpointsAhead));
        figures.put(
                "auditWithCheckpointsSignaturesAheadRatioToSha256",
                round((double) auditWithCheckpointsAhead / baseline));
        signatureThread.shutdownNow();
        figures.put("checkpointOpenMeanMicros", round(checkpointOpenNanos(checkpoints, signer) / 1e3));
        figures.put("auditWithRootAfterEveryAppendMillis", millis(auditWithRoots));
        figures.put("auditWithRootAfterEveryAppendRatioToSha256", round((double) auditWithRoots / baseline));
        figures.put("auditPeakHeapMiBPoolPeaks", auditPoolPeakBytes / (1024 * 1024));

        log.printf("building and verifying %,d random proofs at tree size %,d%n", proofCount, entryCount);
        figures.putAll(proofFigures(Objects.requireNonNull(merkleLog), entries, proofCount, entryCount));

        rowsWithLeafHashes = null;
        rowsWithRoots = null;
        entries = null;
        log.println("auditing rows generated on the fly, to see what the audit itself retains");
        figures.put("streamingAuditRetainedHeapMiBAfterGc", streamingRetainedMiB(auditor, entryCount));

        figures.put("targetMet", (double) audit / baseline < 3.0);
        return figures;
    }

    private static MerkleLog appendAll(byte[][] entries, int count) {
        MerkleLog merkleLog = MerkleLog.create(HashStore.inMemory());
        for (int i = 0; i < count; i++) {
            merkleLog.append(entries[i]);
        }
        return merkleLog;
    }

    /**
     * Hook for the server integration: appends per second on PostgreSQL (the JDBC {@code HashStore} and the
     * {@code ledger_entries} insert in one transaction per append). The library benchmark has no database; the
     * server wires the measurement in here.
     */
    /**
     * Appends through the server's ledger on PostgreSQL, each entry in its own transaction (as one
     * command writes it) and fifty to a transaction: what the database, the lock on the log's head and
     * the node writes cost.
     */
    Map<String, Object> postgresAppendFigures(PrintStream log) {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (kz.qorgau.bench.PostgresServer.url() == null) {
            figures.put("appendsPerSecondPostgres", kz.qorgau.bench.PostgresServer.notConfigured());
            return figures;
        }
        log.println("appending through the server's ledger on PostgreSQL");
        try (org.springframework.context.ConfigurableApplicationContext server =
                kz.qorgau.bench.PostgresServer.start(Map.of())) {
            kz.qorgau.server.audit.AuditTrail audit = server.getBean(kz.qorgau.server.audit.AuditTrail.class);
            org.springframework.transaction.support.TransactionTemplate transaction =
                    new org.springframework.transaction.support.TransactionTemplate(
                            server.getBean(org.springframework.transaction.PlatformTransactionManager.class));
            kz.qorgau.server.audit.Actor actor = kz.qorgau.server.audit.Actor.system();
            for (int i = 0; i < 500; i++) {
                int n = i;
                transaction.executeWithoutResult(status -> audit.record("bench.warmup", null, actor, Map.of("n", n)));
            }
            int single = 5_000;
            long start = System.nanoTime();
            for (int i = 0; i < single; i++) {
                int n = i;
                transaction.executeWithoutResult(status -> audit.record("bench.single", null, actor, Map.of("n", n)));
            }
            double singleSeconds = (System.nanoTime() - start) / 1e9;
            int batches = 200;
            int perBatch = 50;
            start = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                int batch = b;
                transaction.executeWithoutResult(status -> {
                    for (int i = 0; i < perBatch; i++) {
                        audit.record("bench.batch", null, actor, Map.of("b", batch, "n", i));
                    }
                });
            }
            double batchSeconds = (System.nanoTime() - start) / 1e9;
            figures.put("appendsPerSecondPostgres", Math.round(single / singleSeconds));
            figures.put("appendsPerSecondPostgresFiftyPerTransaction", Math.round(batches * perBatch / batchSeconds));
            log.printf(
                    "  %d single appends in %.2f s; %d batched in %.2f s%n",
                    single, singleSeconds, batches * perBatch, batchSeconds);
        }
        return figures;
    }

    private static Map<String, Object> proofFigures(MerkleLog merkleLog, byte[][] entries, int count, int size) {
        Random random = new Random(7);
        long[] indexes = new long[count];
        for (int i = 0; i < count; i++) {
            indexes[i] = random.nextInt(size);
        }
        Hash root = merkleLog.root();
        for (int i = 0; i < Math.min(count, 20_000); i++) {
            merkleLog.inclusionProof(indexes[i], size);
        }
        List<InclusionProof> proofs = new ArrayList<>(count);
        long start = System.nanoTime();
        for (long index : indexes) {
            proofs.add(merkleLog.inclusionProof(index, size));
        }
        long build = System.nanoTime() - start;
        Hash[] leaves = new Hash[count];
        for (int i = 0; i < count; i++) {
            leaves[i] = MerkleHashing.leafHash(entries[(int) indexes[i]]);
        }
        int valid = 0;
        start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            valid += proofs.get(i).verify(leaves[i], root).isValid() ? 1 : 0;
        }
        long verify = System.nanoTime() - start;
        if (valid != count) {
            throw new IllegalStateException((count - valid) + " inclusion proofs did not verify");
        }
        long consistencyStart = System.nanoTime();
        int consistencyCount = Math.max(1, count / 10);
        for (int i = 0; i < consistencyCount; i++) {
            ConsistencyProof proof = merkleLog.consistencyProof(1 + random.nextInt(size), size);
            if (proof.toSize() != size) {
                throw new IllegalStateException("wrong proof");
            }
        }
        long consistency = System.nanoTime() - consistencyStart;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("proofTreeSize", size);
        figures.put("inclusionProofBuildMeanMicros", round(build / 1e3 / count));
        figures.put("inclusionProofVerifyMeanMicros", round(verify / 1e3 / count));
        figures.put("consistencyProofBuildMeanMicros", round(consistency / 1e3 / consistencyCount));
        return figures;
    }

    /** Mean time to parse a signed checkpoint and verify its Ed25519 signature (the JDK's implementation). */
    private static double checkpointOpenNanos(List<CheckpointRecord> checkpoints, NoteSigner signer) {
        int count = Math.min(checkpoints.size(), 100);
        for (int i = 0; i < count; i++) {
            Checkpoint.open(checkpoints.get(i).signedNote(), signer.verifier());
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (!(Checkpoint.open(checkpoints.get(i).signedNote(), signer.verifier())
                    instanceof kz.qorgau.ledger.CheckpointVerification.Verified)) {
                throw new IllegalStateException("the benchmark's own checkpoint did not verify");
            }
        }
        return count == 0 ? 0 : (double) (System.nanoTime() - start) / count;
    }

    private static long sha256Baseline(byte[][] entries, int count) throws DigestException {
        MessageDigest digest = sha256();
        byte[] out = new byte[32];
        int sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            digest.update(entries[i]);
            digest.digest(out, 0, 32);
            sink ^= out[0];
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 256) {
            throw new IllegalStateException("unreachable; keeps the digest loop from being optimised away");
        }
        return elapsed;
    }

    private static long recomputeTree(byte[][] entries, int count) {
        CompactMerkleTree tree = new CompactMerkleTree();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            tree.appendEntry(entries[i]);
        }
        long elapsed = System.nanoTime() - start;
        if (tree.size() != count) {
            throw new IllegalStateException("tree size " + tree.size());
        }
        return elapsed;
    }

    private static double streamingRetainedMiB(LogAuditor auditor, int count) {
        System.gc();
        long before = usedHeap();
        long[] during = new long[1];
        Iterator<LedgerRow> generated = new Iterator<>() {
            private final Random random = new Random(42);
            private final EntryGenerator generator = new EntryGenerator(random);
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public LedgerRow next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                if (next == count / 2) {
                    System.gc();
                    during[0] = usedHeap();
                }
                return LedgerRow.of(next++, generator.next());
            }
        };
        AuditResult result =
                auditor.audit(generated, List.<CheckpointRecord>of().iterator(), List.of());
        requireIntact(result, count);
        return round(Math.max(0, during[0] - before) / (1024.0 * 1024.0));
    }

    private static byte[][] generateEntries(int count, long seed) {
        EntryGenerator generator = new EntryGenerator(new Random(seed));
        byte[][] entries = new byte[count][];
        for (int i = 0; i < count; i++) {
            entries[i] = generator.next();
        }
        return entries;
    }

    /** Plausible entries: a few types, roles and organisations, 90 % about a case, time moving forward. */
    private static final class EntryGenerator {
        private final Random random;
        private Instant time = Instant.parse("2025-01-01T00:00:00Z");

        EntryGenerator(Random random) {
            this.random = random;
        }

        byte[] next() {
            time = time.plusMillis(random.nextInt(2_000));
            byte[] content = new byte[32];
            random.nextBytes(content);
            String organisation = "KZ-" + (char) ('A' + random.nextInt(20)) + "-" + random.nextInt(500);
            String type = TYPES[random.nextInt(TYPES.length)];
            String role = ROLES[random.nextInt(ROLES.length)];
            if (random.nextInt(10) == 0) {
                return LedgerEntry.withoutCase(type, organisation, role, time, Hash.of(content))
                        .toBytes();
            }
            byte[] pseudonym = new byte[32];
            random.nextBytes(pseudonym);
            return LedgerEntry.forCase(type, Hash.of(pseudonym), organisation, role, time, Hash.of(content))
                    .toBytes();
        }
    }

    private static void requireIntact(AuditResult result, long size) {
        if (!(result instanceof AuditResult.Intact intact) || intact.size() != size) {
            throw new IllegalStateException("the benchmark's own log did not audit as intact: " + result);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : heapPools()) {
            pool.resetPeakUsage();
        }
    }

    private static long poolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : heapPools()) {
            sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

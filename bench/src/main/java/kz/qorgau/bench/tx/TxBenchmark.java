package kz.qorgau.bench.tx;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import kz.qorgau.bench.Benchmark;
import kz.qorgau.signals.tx.AccountDirectory;
import kz.qorgau.signals.tx.Alert;
import kz.qorgau.signals.tx.ScreeningReport;
import kz.qorgau.signals.tx.ScreeningRules;
import kz.qorgau.signals.tx.TransactionScreener;
import kz.qorgau.signals.tx.Typology;
import kz.qorgau.signals.tx.input.AccountsCsv;
import kz.qorgau.signals.tx.input.InputRow;
import kz.qorgau.signals.tx.input.TransactionFormat;
import kz.qorgau.signals.tx.input.TransactionReader;

/**
 * {@code qorgau bench tx [TRANSACTIONS [ACCOUNTS]]} (defaults 10,000,000 and 1,000,000): generates a
 * transactions CSV with planted exploitation rings among ordinary traffic into a temporary
 * directory, measures merely parsing it (the baseline), then screening it in one pass, and reports
 * wall time, peak heap, the ratio to the baseline and the recall of the planted rings.
 *
 * <p>Peak heap is reported two ways: {@code peakHeapSampledMiB}, the largest heap use seen by a
 * sampler thread every 10 ms, and {@code peakHeapPoolsMiB}, the sum of the heap pools' peak usage
 * (reset before the measured part); both include garbage not yet collected, so they depend on the
 * collector and {@code -Xmx}. Run with {@code java -Xmx2g -jar qorgau-bench.jar tx} to show that
 * the screening fits in 2 GB. {@code liveHeapAtEndMiB} is the heap in use after a full collection
 * at the end of the stream (its pause is not counted in the screening time).
 *
 * <p>The screening run parses on a second thread ({@link TransactionReader#readAhead}), as
 * {@code qorgau tx screen} does; the baseline parses on one. The machine may be shared: the figures
 * include the load average and the CPU time of the screening thread ({@code screenThreadCpuSeconds},
 * without parsing and garbage collection), which depends less on other work than the wall time.
 */
public final class TxBenchmark implements Benchmark {

    private static final long SEED = 20_260_302L;

    @Override
    public Map<String, Object> run(String[] args, PrintStream log) throws Exception {
        int transactions = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000_000;
        int accounts = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 1_000_000;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("transactions", transactions);
        figures.put("accounts", accounts);
        Path dir = Files.createTempDirectory("qorgau-bench-tx");
        Path transactionsFile = dir.resolve("transactions.csv");
        Path accountsFile = dir.resolve("accounts.csv");
        try {
            log.printf("generating %,d transactions over %,d accounts into %s%n", transactions, accounts, dir);
            long t0 = System.nanoTime();
            TransactionFileGenerator generator = new TransactionFileGenerator(transactions, accounts, SEED);
            generator.writeAccounts(accountsFile);
            long written = generator.writeTransactions(transactionsFile, log);
            List<String> victims = generator.planted("victim");
            List<String> splitVictims = generator.planted("split-victim");
            List<String> collectors = generator.planted("collector");
            List<String> controllers = generator.planted("controller");
            Set<String> planted = new HashSet<>(generator.plantedRoles.keySet());
            figures.put("generateSeconds", seconds(System.nanoTime() - t0));
            figures.put("fileMiB", Files.size(transactionsFile) / (1024 * 1024));
            figures.put("plantedRings", generator.ringCount());
            figures.put("plantedVictims", victims.size());
            figures.put("plantedSplitVictimAccounts", splitVictims.size());
            figures.put("plantedCollectors", collectors.size());
            figures.put("plantedControllers", controllers.size());
            generator = null;
            log.printf("  wrote %,d transactions (%d MiB)%n", written, Files.size(transactionsFile) >> 20);

            log.println("warming up the parser and the screener on the first rows");
            long warmUp = Math.min(500_000, transactions / 10);
            parse(transactionsFile, warmUp);
            screenPrefix(transactionsFile, warmUp);
            log.println("baseline: parsing the whole file");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            figures.put(
                    "loadAverageAtStart",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            long pc0 = threads.getCurrentThreadCpuTime();
            long p0 = System.nanoTime();
            long parsed = parse(transactionsFile, Long.MAX_VALUE);
            long parseNanos = System.nanoTime() - p0;
            long parseCpuNanos = threads.getCurrentThreadCpuTime() - pc0;
            figures.put("parseSeconds", seconds(parseNanos));
            figures.put("parsedRows", parsed);
            log.printf("  parsed %,d rows in %.1f s%n", parsed, parseNanos / 1e9);

            System.gc();
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .toList();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            HeapSampler sampler = new HeapSampler();
            sampler.start();

            log.println("screening: accounts file, then one pass over the transactions");
            long s0 = System.nanoTime();
            AccountDirectory directory;
            try (Reader reader = Files.newBufferedReader(accountsFile, StandardCharsets.UTF_8)) {
                directory = AccountsCsv.read(reader).directory();
            }
            long accountsNanos = System.nanoTime() - s0;
            long s1 = System.nanoTime();
            long sc1 = threads.getCurrentThreadCpuTime();
            TransactionScreener screener = TransactionScreener.create(ScreeningRules.defaults(), directory);
            long rejected = 0;
            try (TransactionReader reader =
                    TransactionReader.readAhead(TransactionReader.open(transactionsFile, TransactionFormat.CSV))) {
                long rows = 0;
                while (reader.hasNext()) {
                    InputRow row = reader.next();
                    if (row instanceof InputRow.Parsed p) {
                        rejected += screener.accept(p.transaction()).rejected() ? 1 : 0;
                    } else {
                        rejected++;
                    }
                    if (++rows % 2_000_000 == 0) {
                        log.printf("  %,d rows screened%n", rows);
                    }
                }
            }
            long streamNanos = System.nanoTime() - s1;
            long streamCpuNanos = threads.getCurrentThreadCpuTime() - sc1;
            long g0 = System.nanoTime();
            System.gc();
            long liveAtEnd =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long gcNanos = System.nanoTime() - g0;
            long f0 = System.nanoTime();
            ScreeningReport report = screener.finish();
            long finishNanos = System.nanoTime() - f0;
            long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                    .sum();
            sampler.stop();
            long screenNanos = streamNanos + finishNanos;
            long poolPeaks = heapPools.stream()
                    .mapToLong(p -> p.getPeakUsage().getUsed())
                    .sum();

            figures.put("accountsLoadSeconds", seconds(accountsNanos));
            figures.put("screenSeconds", seconds(screenNanos));
            figures.put("wallSecondsWithAccounts", seconds(accountsNanos + screenNanos));
            figures.put("finishSeconds", seconds(finishNanos));
            figures.put("excludedGcPauseSeconds", seconds(gcNanos));
            figures.put("ratioScreenToParse", Math.round(100.0 * screenNanos / parseNanos) / 100.0);
            figures.put("screeningParsesOnSecondThread", true);
            figures.put("parseCpuSeconds", seconds(parseCpuNanos));
            figures.put("screenThreadCpuSeconds", seconds(streamCpuNanos));
            figures.put("gcSecondsWholeRun", gcMillis / 1000.0);
            figures.put(
                    "loadAverageAtEnd",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            figures.put("screenedPerSecond", Math.round(report.counts().screened() / (screenNanos / 1e9)));
            figures.put("parsedPerSecond", Math.round(parsed / (parseNanos / 1e9)));
            figures.put("peakHeapSampledMiB", sampler.peak() >> 20);
            figures.put("peakHeapPoolsMiB", poolPeaks >> 20);
            figures.put("liveHeapAtEndMiB", liveAtEnd >> 20);
            figures.put("peakTrackedAccounts", report.counts().peakTrackedAccounts());
            figures.put("rowsRejected", rejected);

            Set<String> passThrough = accountsOf(report, Typology.PASS_THROUGH);
            Set<String> collectorAlerts = accountsOf(report, Typology.COLLECTOR);
            Set<String> controllerAlerts = accountsOf(report, Typology.CONTROLLER);
            long victimsFound = victims.stream().filter(passThrough::contains).count();
            long collectorsFound =
                    collectors.stream().filter(collectorAlerts::contains).count();
            long controllersFound =
                    controllers.stream().filter(controllerAlerts::contains).count();
            long falseAlerts = report.alerts().stream()
                    .filter(a -> !planted.contains(a.account()))
                    .count();
            figures.put("recallPassThrough", ratio(victimsFound, victims.size()));
            figures.put(
                    "recallSplitVictimAccounts",
                    ratio(splitVictims.stream().filter(passThrough::contains).count(), splitVictims.size()));
            figures.put("pooledWindowsEvaluated", report.counts().pooledWindowsEvaluated());
            figures.put("recallCollectors", ratio(collectorsFound, collectors.size()));
            figures.put("recallControllers", ratio(controllersFound, controllers.size()));
            figures.put("alerts", report.alerts().size());
            figures.put("alertsOnUnplantedAccounts", falseAlerts);
            figures.put(
                    "precision",
                    ratio(report.alerts().size() - falseAlerts, report.alerts().size()));
            figures.put("clusters", report.clusters().size());
            log.printf(
                    "  screened %,d in %.1f s (+%.1f s accounts file): %.2f× parsing; %d alerts, recall %.2f/%.2f%n",
                    report.counts().screened(),
                    screenNanos / 1e9,
                    accountsNanos / 1e9,
                    (double) screenNanos / parseNanos,
                    report.alerts().size(),
                    ratio(victimsFound, victims.size()),
                    ratio(collectorsFound, collectors.size()));
            report.alerts().stream()
                    .filter(a -> !planted.contains(a.account()))
                    .limit(5)
                    .forEach(a -> log.println("  unplanted alert: " + a.account() + " "
                            + a.typology().label() + " " + a.score() + " "
                            + a.rules().stream().map(r -> r.rule()).toList()));
            return figures;
        } finally {
            Files.deleteIfExists(transactionsFile);
            Files.deleteIfExists(accountsFile);
            Files.deleteIfExists(dir);
        }
    }

    private static long parse(Path file, long limit) throws IOException {
        long parsed = 0;
        long checksum = 0;
        try (TransactionReader reader = TransactionReader.open(file, TransactionFormat.CSV)) {
            while (parsed < limit && reader.hasNext()) {
                if (reader.next() instanceof InputRow.Parsed p) {
                    checksum += p.transaction().amountMinor();
                    parsed++;
                }
            }
        }
        if (checksum == 42) {
            System.err.print("");
        }
        return parsed;
    }

    /** Screens the first rows and throws the result away, so that both measured runs start warm. */
    private static void screenPrefix(Path file, long limit) throws IOException {
        TransactionScreener screener = TransactionScreener.create(ScreeningRules.defaults(), AccountDirectory.empty());
        long rows = 0;
        try (TransactionReader reader =
                TransactionReader.readAhead(TransactionReader.open(file, TransactionFormat.CSV))) {
            while (rows < limit && reader.hasNext()) {
                if (reader.next() instanceof InputRow.Parsed p) {
                    screener.accept(p.transaction());
                }
                rows++;
            }
        }
        screener.finish();
    }

    private static Set<String> accountsOf(ScreeningReport report, Typology typology) {
        Set<String> accounts = new HashSet<>();
        for (Alert alert : report.alerts()) {
            if (alert.typology() == typology) {
                accounts.add(alert.account());
            }
        }
        return accounts;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }

    /** Samples heap use every 10 ms on a daemon thread and keeps the largest value. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::sample, "heap-sampler");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            while (running) {
                peak.accumulateAndGet(
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peak() {
            return peak.get();
        }
    }
}

package kz.qorgau.bench.ads;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import kz.qorgau.bench.Benchmark;
import kz.qorgau.signals.ads.AdClusters;
import kz.qorgau.signals.ads.AdLinker;
import kz.qorgau.signals.ads.AdScreener;
import kz.qorgau.signals.ads.LinkableAd;
import kz.qorgau.signals.ads.NearDuplicateFinder;
import kz.qorgau.signals.ads.ScreenedAd;
import kz.qorgau.signals.ads.TextFingerprint;

/**
 * {@code qorgau bench ads [ADS [SMALL [SAMPLE [SCREEN]]]]} (defaults 1,000,000, ADS / 10, 20,000 and
 * 20,000) on ads from {@link AdGenerator}, measuring in one run:
 *
 * <ul>
 *   <li><b>screening</b> of SCREEN ads on one thread, in ads per second, against the baseline of
 *       finding phone numbers with plain libphonenumber ({@code PhoneNumberUtil.findNumbers}, region KZ)
 *       over the same texts; both with their phone precision and recall against the planted numbers;
 *   <li><b>LSH recall</b>: on SAMPLE ads, the pairs with Jaccard similarity at least 0.8 found by
 *       {@link NearDuplicateFinder} (the linker's settings) against exact all-pairs comparison, and the
 *       speed ratio of the two (target recall at least 0.95);
 *   <li><b>linking</b> SMALL and ADS screened ads with {@link AdLinker#standard()}: time, CPU time of the
 *       linking thread, and peak heap (targets at a million: under 120 s and 2 GB), the ratio
 *       time(ADS) / time(SMALL) (near-linear: under 12 for a tenfold size), and pairwise precision and
 *       recall of the clusters against the planted operators.
 * </ul>
 *
 * Heap is measured two ways, both including the ads being linked and garbage not yet collected: a
 * sampler thread reading {@code MemoryMXBean} heap use every 10 ms ({@code …PeakHeapMiBSampled}), and
 * the sum of the heap pools' peak usage after resetting the peaks ({@code …PeakHeapMiBPoolPeaks}, an
 * upper bound since pools peak at different moments); {@code …InputHeapMiB} is the heap in use after
 * {@code System.gc()} just before linking, i.e. the ads themselves. Run with {@code -Xmx2g} to show that
 * linking a million ads fits in 2 GB. Preparing the ads to link (generating and screening them, on all
 * cores) is not part of the linking time.
 */
public final class AdsBenchmark implements Benchmark {

    private static final double LSH_EVALUATION_JACCARD = 0.8;

    @Override
    public Map<String, Object> run(String[] args, PrintStream log) throws Exception {
        int ads = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int small = args.length > 1 ? Integer.parseInt(args[1]) : Math.max(100, ads / 10);
        int sample = args.length > 2 ? Integer.parseInt(args[2]) : Math.min(20_000, ads);
        int screen = args.length > 3 ? Integer.parseInt(args[3]) : Math.min(20_000, ads);
        if (ads < 100 || small < 100 || small > ads || sample < 100 || screen < 100) {
            throw new IllegalArgumentException(
                    "usage: qorgau bench ads [ADS>=100 [SMALL in 100..ADS [SAMPLE>=100 [SCREEN>=100]]]]");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("ads", ads);
        figures.put("smallAds", small);
        figures.put("lshSampleAds", sample);
        figures.put("screenAds", screen);
        AdLinker.Settings settings = AdLinker.Settings.defaults();
        figures.put("maxImageDistance", settings.maxImageDistance());
        figures.put("minTextJaccard", settings.minTextJaccard());
        figures.put("lshBands", settings.bands());
        figures.put("lshRows", settings.rows());

        screening(screen, figures, log);
        lshRecall(sample, settings, figures, log);

        Linked smallRun = link("small", small, 3L, figures, log);
        Linked largeRun = link("large", ads, 4L, figures, log);
        figures.put("linkTimeRatioLargeToSmall", round(largeRun.seconds() / smallRun.seconds()));
        figures.put("linkSizeRatioLargeToSmall", round((double) ads / small));
        return figures;
    }

    // ---- screening ------------------------------------------------------------------------------

    private static void screening(int count, Map<String, Object> figures, PrintStream log) {
        log.printf("ads: generating %,d ads to screen%n", count);
        List<AdGenerator.Planted> ads = new ArrayList<>(count);
        new AdGenerator(1L).generate(count, (i, p) -> ads.add(p));
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        AdScreener screener = AdScreener.standard();
        int warm = Math.min(count, 5_000);
        log.printf("ads: warming up on %,d ads%n", warm);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < warm; i++) {
                screener.screen(ads.get(i).ad());
                util.findNumbers(text(ads.get(i)), "KZ").forEach(m -> {});
            }
        }

        log.println("ads: baseline: plain libphonenumber findNumbers over the same texts");
        Counts baseline = new Counts();
        Timed base = time(() -> {
            for (AdGenerator.Planted p : ads) {
                Set<String> found = new HashSet<>();
                for (PhoneNumberMatch m : util.findNumbers(text(p), "KZ")) {
                    found.add(util.format(m.number(), PhoneNumberUtil.PhoneNumberFormat.E164));
                }
                baseline.add(p.phones(), found);
            }
        });
        log.printf("ads: libphonenumber: %.1f s%n", base.seconds());

        log.println("ads: screening on one thread");
        Counts ours = new Counts();
        long[] flagged = new long[3];
        long[] planted = new long[3];
        Timed timed = time(() -> {
            for (AdGenerator.Planted p : ads) {
                ScreenedAd s = screener.screen(p.ad());
                ours.add(p.phones(), new HashSet<>(s.phones()));
                int kind = p.minor() ? 0 : p.legalEdge() ? 1 : 2;
                planted[kind]++;
                flagged[kind] += s.minorRisk().flag() ? 1 : 0;
            }
        });
        log.printf("ads: screened in %.1f s%n", timed.seconds());
        figures.put("screenAdsPerSecond", Math.round(count / timed.seconds()));
        figures.put("screenThreadCpuSeconds", round(timed.cpuSeconds()));
        figures.put("baselineLibphonenumberAdsPerSecond", Math.round(count / base.seconds()));
        figures.put("screenTimeRatioToBaseline", round(timed.seconds() / base.seconds()));
        figures.put("screenPhonePrecision", round(ours.precision()));
        figures.put("screenPhoneRecall", round(ours.recall()));
        figures.put("baselinePhonePrecision", round(baseline.precision()));
        figures.put("baselinePhoneRecall", round(baseline.recall()));
        figures.put("screenMinorAdsFlaggedShare", round((double) flagged[0] / Math.max(1, planted[0])));
        figures.put("screenLegalEdgeAdsFlaggedShare", round((double) flagged[1] / Math.max(1, planted[1])));
        figures.put("screenOtherAdsFlaggedShare", round((double) flagged[2] / Math.max(1, planted[2])));
    }

    private static String text(AdGenerator.Planted p) {
        return p.ad().title() + "\n" + p.ad().text();
    }

    /** Phone precision and recall against the planted numbers. */
    private static final class Counts {
        long tp;
        long fp;
        long fn;

        void add(List<String> planted, Set<String> found) {
            for (String f : found) {
                if (planted.contains(f)) {
                    tp++;
                } else {
                    fp++;
                }
            }
            for (String p : new HashSet<>(planted)) {
                if (!found.contains(p)) {
                    fn++;
                }
            }
        }

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }
    }

    // ---- LSH recall -----------------------------------------------------------------------------

    private static void lshRecall(int count, AdLinker.Settings settings, Map<String, Object> figures, PrintStream log) {
        log.printf("ads: LSH recall on %,d ads%n", count);
        Prepared prepared = prepare(count, 2L, log);
        List<TextFingerprint> texts = new ArrayList<>(count);
        for (LinkableAd ad : prepared.ads()) {
            texts.add(ad.fingerprint().size() > 0 ? ad.fingerprint() : TextFingerprint.EMPTY);
        }
        // The linker's near-duplicates: word pairs and distinctive word pairs (without the boilerplate
        // of this sample) both at least as similar as asked.
        List<TextFingerprint> distinctive = NearDuplicateFinder.withoutBoilerplate(texts);
        log.println("ads: baseline: exact Jaccard similarity of all pairs");
        Set<Long> exact = new HashSet<>();
        Set<Long> exactAtLinkThreshold = new HashSet<>();
        AtomicLong plainOnly = new AtomicLong();
        Timed exactRun = time(() -> {
            for (int a = 0; a < texts.size(); a++) {
                TextFingerprint fa = texts.get(a);
                if (fa.size() == 0) {
                    continue;
                }
                for (int b = a + 1; b < texts.size(); b++) {
                    TextFingerprint fb = texts.get(b);
                    if (fb.size() == 0) {
                        continue;
                    }
                    double j = fa.jaccard(fb);
                    if (j >= settings.minTextJaccard()) {
                        double own = distinctive.get(a).size() == 0
                                        && distinctive.get(b).size() == 0
                                ? 1
                                : distinctive.get(a).jaccard(distinctive.get(b));
                        if (own >= settings.minTextJaccard()) {
                            exactAtLinkThreshold.add(pair(a, b));
                        }
                        if (j >= LSH_EVALUATION_JACCARD) {
                            if (own >= LSH_EVALUATION_JACCARD) {
                                exact.add(pair(a, b));
                            } else {
                                plainOnly.incrementAndGet();
                            }
                        }
                    }
                }
            }
        });
        log.printf(
                "ads: exact: %,d pairs at >= %.1f in %.1f s (and %,d alike only by boilerplate)%n",
                exact.size(), LSH_EVALUATION_JACCARD, exactRun.seconds(), plainOnly.get());

        NearDuplicateFinder finder = NearDuplicateFinder.of(settings.bands(), settings.rows());
        Set<Long> found = new HashSet<>();
        Timed lshRun = time(() ->
                finder.find(texts, LSH_EVALUATION_JACCARD, (a, b) -> false, (a, b, j, d) -> found.add(pair(a, b))));
        long hit = exact.stream().filter(found::contains).count();
        Set<Long> foundAtLinkThreshold = new HashSet<>();
        finder.find(
                texts,
                settings.minTextJaccard(),
                (a, b) -> false,
                (a, b, j, d) -> foundAtLinkThreshold.add(pair(a, b)));
        long hitAtLinkThreshold = exactAtLinkThreshold.stream()
                .filter(foundAtLinkThreshold::contains)
                .count();
        log.printf("ads: LSH: %,d of %,d pairs in %.2f s%n", hit, exact.size(), lshRun.seconds());
        figures.put("lshExactPairsAtLeast08", exact.size());
        figures.put("lshPairsAtLeast08AlikeOnlyByBoilerplate", plainOnly.get());
        figures.put("lshRecallAtLeast08", round(exact.isEmpty() ? 1 : (double) hit / exact.size()));
        figures.put("lshSeconds", round(lshRun.seconds()));
        figures.put("exactAllPairsSeconds", round(exactRun.seconds()));
        figures.put("lshSpeedupOverExact", round(exactRun.seconds() / lshRun.seconds()));
        figures.put("lshExactPairsAtLinkThreshold", exactAtLinkThreshold.size());
        figures.put(
                "lshRecallAtLinkThreshold",
                round(exactAtLinkThreshold.isEmpty() ? 1 : (double) hitAtLinkThreshold / exactAtLinkThreshold.size()));
    }

    private static long pair(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    // ---- linking --------------------------------------------------------------------------------

    private record Prepared(List<LinkableAd> ads, int[] operators) {}

    /** Generates and screens ads on all cores (not timed), keeping what linking needs. */
    private static Prepared prepare(int count, long seed, PrintStream log) {
        List<LinkableAd> ads = new ArrayList<>(count);
        int[] operators = new int[count];
        List<AdGenerator.Planted> batch = new ArrayList<>();
        long start = System.nanoTime();
        AdScreener screener = AdScreener.standard();
        new AdGenerator(seed).generate(count, (i, p) -> {
            operators[i] = p.operator();
            batch.add(p);
            if (batch.size() == 8192 || i == count - 1) {
                ads.addAll(batch.parallelStream()
                        .map(x -> screener.screen(x.ad()).linkable())
                        .toList());
                batch.clear();
                if (ads.size() % (8192 * 16) < 8192) {
                    log.printf(
                            "ads:   prepared %,d of %,d ads (%.0f s)%n",
                            ads.size(), count, (System.nanoTime() - start) / 1e9);
                }
            }
        });
        return new Prepared(ads, operators);
    }

    private record Linked(double seconds) {}

    private static Linked link(String name, int count, long seed, Map<String, Object> figures, PrintStream log)
            throws InterruptedException {
        log.printf("ads: preparing %,d ads to link (%s)%n", count, name);
        Prepared prepared = prepare(count, seed, log);
        HeapWatch heap = HeapWatch.start();
        log.printf("ads: linking %,d ads (input %,d MiB of heap)%n", count, heap.baselineMiB());
        AdClusters[] result = new AdClusters[1];
        Timed timed = time(() -> result[0] = AdLinker.standard().link(prepared.ads()));
        long[] peaks = heap.stop();
        AdClusters clusters = result[0];
        log.printf(
                "ads: linked %,d ads in %.1f s: %,d clusters of 2+ ads, largest %,d; %s%n",
                count, timed.seconds(), clusters.count(2), clusters.largest(), clusters.stats());
        String p = "link" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        figures.put(p + "Ads", count);
        figures.put(p + "Seconds", round(timed.seconds()));
        figures.put(p + "ThreadCpuSeconds", round(timed.cpuSeconds()));
        figures.put(p + "InputHeapMiB", heap.baselineMiB());
        figures.put(p + "PeakHeapMiBSampled", peaks[0]);
        figures.put(p + "PeakHeapMiBPoolPeaks", peaks[1]);
        figures.put(p + "Clusters2Plus", clusters.count(2));
        figures.put(p + "LargestCluster", clusters.largest());
        figures.put(
                p + "IgnoredContacts",
                clusters.ignored().stream()
                        .map(c -> c.kind() + " " + c.value() + " in " + c.ads() + " ads beside " + c.otherContacts()
                                + "+ other contacts")
                        .toList());
        figures.put(p + "TextComparisons", clusters.stats().textCandidates());
        figures.put(p + "LargeBuckets", clusters.stats().largeBuckets());
        double[] pr = pairwise(clusters, prepared.operators());
        figures.put(p + "PlantedPairPrecision", round(pr[0]));
        figures.put(p + "PlantedPairRecall", round(pr[1]));
        return new Linked(timed.seconds());
    }

    /** Pairwise precision and recall of the clusters against the planted operators, from their contingency table. */
    private static double[] pairwise(AdClusters clusters, int[] operators) {
        Map<String, Integer> clusterNumber = new HashMap<>();
        Map<Long, Long> cells = new HashMap<>();
        Map<Integer, Long> clusterSizes = new HashMap<>();
        Map<Integer, Long> operatorSizes = new HashMap<>();
        for (int i = 0; i < operators.length; i++) {
            int c = clusterNumber.computeIfAbsent(clusters.clusterIdAt(i), k -> clusterNumber.size());
            cells.merge(((long) c << 32) | operators[i], 1L, Long::sum);
            clusterSizes.merge(c, 1L, Long::sum);
            operatorSizes.merge(operators[i], 1L, Long::sum);
        }
        double tp = cells.values().stream().mapToDouble(n -> n * (n - 1) / 2.0).sum();
        double predicted = clusterSizes.values().stream()
                .mapToDouble(n -> n * (n - 1) / 2.0)
                .sum();
        double actual = operatorSizes.values().stream()
                .mapToDouble(n -> n * (n - 1) / 2.0)
                .sum();
        return new double[] {predicted == 0 ? 1 : tp / predicted, actual == 0 ? 1 : tp / actual};
    }

    // ---- measuring ------------------------------------------------------------------------------

    private record Timed(double seconds, double cpuSeconds) {}

    private static Timed time(Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.run();
        long wall = System.nanoTime() - start;
        return new Timed(wall / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
    }

    /** Peak heap use during a measured part: a sampler thread, and the pools' own peaks. */
    private static final class HeapWatch {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;
        private final long baseline;

        private HeapWatch() {
            System.gc();
            baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            sampler = new Thread(
                    () -> {
                        while (running.get()) {
                            long used = ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed();
                            peak.accumulateAndGet(used, Math::max);
                            try {
                                Thread.sleep(10);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        long baselineMiB() {
            return baseline >> 20;
        }

        /** Stops sampling; returns the sampled peak and the sum of pool peaks, in MiB. */
        long[] stop() throws InterruptedException {
            running.set(false);
            sampler.join();
            long pools = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pools += pool.getPeakUsage().getUsed();
                }
            }
            return new long[] {peak.get() >> 20, pools >> 20};
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

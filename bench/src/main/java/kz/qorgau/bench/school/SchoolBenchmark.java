package kz.qorgau.bench.school;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import kz.qorgau.bench.Benchmark;
import kz.qorgau.signals.school.FlaggedStudent;
import kz.qorgau.signals.school.ScanOptions;
import kz.qorgau.signals.school.ScanReport;
import kz.qorgau.signals.school.SchoolCsv;
import kz.qorgau.signals.school.SchoolScan;
import kz.qorgau.signals.school.SchoolSignalsConfig;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code qorgau bench school [STUDENTS [DAYS [LESSONS]]]} (defaults 100000, 170, 6): writes a
 * generated school year as CSV files to a temporary directory, then measures in the same run (1)
 * merely splitting the three files into field strings with the scan's own CSV reader
 * ({@link SchoolCsv#splitOnly}), (2) parsing them with Apache Commons CSV, for comparison, and (3)
 * the full scan (the steps of {@link SchoolCsv#scan}, each also timed), and reports wall times, their
 * ratios, and peak heap. Peak
 * heap is measured two ways: a sampler thread reading {@code MemoryMXBean} heap use every 10 ms
 * ({@code …PeakHeapMiBSampled}), and the sum of the heap pools' peak usage after resetting the peaks
 * ({@code …PeakHeapMiBPoolPeaks}, an upper bound since pools peak at different moments). Both include
 * garbage not yet collected; run with {@code -Xmx2g} to show the scan fits in 2 GB. Wall time is
 * reported with the CPU time of the measuring thread ({@code …ThreadCpuSeconds}) and of the whole
 * process, because on a shared machine wall time alone says more about the neighbours than the code.
 */
public final class SchoolBenchmark implements Benchmark {

    @Override
    public Map<String, Object> run(String[] args, PrintStream log) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 170;
        int lessons = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        if (students < 100 || days < 40 || days > 260 || lessons < 1 || lessons > 16) {
            throw new IllegalArgumentException(
                    "usage: qorgau bench school [STUDENTS>=100 [DAYS in 40..260 [LESSONS in 1..16]]]");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("students", students);
        figures.put("schoolDays", days);
        figures.put("lessonsPerDay", lessons);
        Path dir = Files.createTempDirectory("qorgau-bench-school");
        Path attendance = dir.resolve("attendance.csv");
        Path grades = dir.resolve("grades.csv");
        Path observations = dir.resolve("observations.csv");
        try {
            log.printf("school: writing %d students x %d days x %d lessons to %s%n", students, days, lessons, dir);
            long start = System.nanoTime();
            var written =
                    new SchoolYearGenerator(students, days, lessons, 20260101L).write(attendance, grades, observations);
            figures.put("attendanceRows", written.attendanceRows());
            figures.put("gradeRows", written.gradeRows());
            figures.put("observationRows", written.observationRows());
            figures.put("inputMiB", written.bytes() / (1024 * 1024));
            figures.put("generateSeconds", seconds(System.nanoTime() - start));
            log.printf("school: wrote %d MiB in %.1f s%n", written.bytes() >> 20, seconds(System.nanoTime() - start));

            log.println("school: baseline: splitting the three files into fields only (the scan's CSV reader)");
            Measured parse = measure(() -> splitOnly(attendance) + splitOnly(grades) + splitOnly(observations));
            log.printf("school: split in %.1f s%n", parse.seconds());
            log.println("school: second baseline: parsing the three files with Apache Commons CSV");
            Measured commons = measure(() -> parseOnly(attendance) + parseOnly(grades) + parseOnly(observations));
            log.printf("school: Commons CSV parsed in %.1f s%n", commons.seconds());

            log.println("school: scanning");
            Measured scan = measure(() -> {
                // The steps of SchoolCsv.scan, timed one by one (thread CPU time).
                var threads = ManagementFactory.getThreadMXBean();
                long cpu = threads.getCurrentThreadCpuTime();
                SchoolScan session = SchoolScan.begin(SchoolSignalsConfig.bundled(), ScanOptions.defaults());
                try (Reader a = Files.newBufferedReader(attendance, StandardCharsets.UTF_8)) {
                    SchoolCsv.readAttendance(new SchoolCsv.Source("attendance.csv", a), session);
                }
                long afterAttendance = threads.getCurrentThreadCpuTime();
                try (Reader g = Files.newBufferedReader(grades, StandardCharsets.UTF_8);
                        Reader o = Files.newBufferedReader(observations, StandardCharsets.UTF_8)) {
                    SchoolCsv.readGrades(new SchoolCsv.Source("grades.csv", g), session);
                    SchoolCsv.readObservations(new SchoolCsv.Source("observations.csv", o), session);
                }
                long afterGrades = threads.getCurrentThreadCpuTime();
                ScanReport result = session.finish();
                long afterFinish = threads.getCurrentThreadCpuTime();
                figures.put("scanAttendanceThreadCpuSeconds", round(seconds(afterAttendance - cpu)));
                figures.put("scanGradesAndObservationsThreadCpuSeconds", round(seconds(afterGrades - afterAttendance)));
                figures.put("scanDetectorsThreadCpuSeconds", round(seconds(afterFinish - afterGrades)));
                return result;
            });
            ScanReport report = (ScanReport) scan.result();
            log.printf(
                    "school: scanned in %.1f s, %d flagged%n",
                    scan.seconds(), report.flagged().size());

            figures.put("parseSeconds", round(parse.seconds()));
            figures.put("commonsCsvParseSeconds", round(commons.seconds()));
            figures.put("scanSeconds", round(scan.seconds()));
            figures.put("scanToParseRatio", round(scan.seconds() / parse.seconds()));
            figures.put("scanToCommonsCsvParseRatio", round(scan.seconds() / commons.seconds()));
            figures.put("parseThreadCpuSeconds", round(parse.threadCpuSeconds()));
            figures.put("commonsCsvParseThreadCpuSeconds", round(commons.threadCpuSeconds()));
            figures.put("scanThreadCpuSeconds", round(scan.threadCpuSeconds()));
            figures.put("scanProcessCpuSeconds", round(scan.processCpuSeconds()));
            figures.put("scanToParseCpuRatio", round(scan.threadCpuSeconds() / parse.threadCpuSeconds()));
            figures.put(
                    "machineLoadAverageAtEnd",
                    round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            figures.put(
                    "scanRowsPerSecond",
                    Math.round((written.attendanceRows() + written.gradeRows() + written.observationRows())
                            / scan.seconds()));
            figures.put("parsePeakHeapMiBSampled", parse.sampledPeakMiB());
            figures.put("parsePeakHeapMiBPoolPeaks", parse.poolPeaksMiB());
            figures.put("scanPeakHeapMiBSampled", scan.sampledPeakMiB());
            figures.put("scanPeakHeapMiBPoolPeaks", scan.poolPeaksMiB());
            figures.put(
                    "scanToParsePeakHeapRatio",
                    round((double) scan.sampledPeakMiB() / Math.max(1, parse.sampledPeakMiB())));
            long plantedFlagged = report.flagged().stream()
                    .map(FlaggedStudent::student)
                    .filter(written.atRisk()::contains)
                    .count();
            figures.put("flagged", report.flagged().size());
            figures.put("plantedAtRisk", written.atRisk().size());
            figures.put("plantedAtRiskFlagged", plantedFlagged);
            figures.put("flaggedNotPlanted", report.flagged().size() - plantedFlagged);
            figures.put("rejectedRows", report.counts().rejectedRows());
            figures.put("targetsMet", scan.seconds() < 60 && scan.sampledPeakMiB() < 2048);
            return figures;
        } finally {
            for (Path file : List.of(attendance, grades, observations)) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Splits every row into field strings with the scan's own reader: the cost of parsing alone. */
    private static long splitOnly(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return SchoolCsv.splitOnly(new SchoolCsv.Source(file.getFileName().toString(), reader));
        }
    }

    /** Reads every field of every record with Commons CSV and does nothing with it. */
    private static long parseOnly(Path file) throws IOException {
        long chars = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder()
                        .setReader(reader)
                        .setFormat(CSVFormat.DEFAULT)
                        .get()) {
            for (CSVRecord record : parser) {
                for (int i = 0; i < record.size(); i++) {
                    chars += record.get(i).length();
                }
            }
        }
        return chars;
    }

    @FunctionalInterface
    private interface Phase {
        Object run() throws Exception;
    }

    private record Measured(
            double seconds,
            double threadCpuSeconds,
            double processCpuSeconds,
            long sampledPeakMiB,
            long poolPeaksMiB,
            Object result) {}

    private static Measured measure(Phase phase) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        var memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long threadCpuStart = threads.getCurrentThreadCpuTime();
        long processCpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        Object result = phase.run();
        long elapsed = System.nanoTime() - start;
        long threadCpu = threads.getCurrentThreadCpuTime() - threadCpuStart;
        long processCpu = os.getProcessCpuTime() - processCpuStart;
        sampler.interrupt();
        sampler.join();
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        long poolPeaks =
                heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measured(
                seconds(elapsed), seconds(threadCpu), seconds(processCpu), peak.get() >> 20, poolPeaks >> 20, result);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2f", value));
    }
}

package kz.qorgau.bench;

import java.io.PrintStream;
import java.util.Map;

/**
 * One benchmark run by {@code ./qorgau bench NAME}. An implementation lives in
 * {@code kz.qorgau.bench.<name>.<Name>Benchmark}, has a public no-argument constructor, generates its
 * own data, measures a baseline in the same run and returns its figures (ratios against that
 * baseline included); {@link BenchMain} prints them as the last line, one JSON object.
 */
public interface Benchmark {

    /**
     * Runs the benchmark.
     *
     * @param args the arguments after the benchmark's name (e.g. sizes); each benchmark documents its own
     * @param log progress lines for a person; never the figures
     * @return the figures, in the order they should be printed
     */
    Map<String, Object> run(String[] args, PrintStream log) throws Exception;
}

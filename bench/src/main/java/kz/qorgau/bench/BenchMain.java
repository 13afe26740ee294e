package kz.qorgau.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one benchmark by name: {@code ./qorgau bench NAME [ARGS…]}. Progress goes to standard error;
 * the last line on standard output is one JSON object of figures.
 */
public final class BenchMain {

    /** The benchmarks there are; each is found by the naming convention of {@link Benchmark}. */
    static final List<String> NAMES = List.of("ledger", "escalation", "ads", "tx", "school");

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !NAMES.contains(args[0])) {
            System.err.println("usage: qorgau bench NAME [ARGS...]   where NAME is one of " + NAMES);
            System.exit(2);
        }
        String name = args[0];
        Benchmark benchmark = load(name);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("benchmark", name);
        figures.put("java", Runtime.version().toString());
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        figures.putAll(benchmark.run(Arrays.copyOfRange(args, 1, args.length), System.err));
        System.out.println(JsonMapper.builder().build().writeValueAsString(figures));
    }

    private static Benchmark load(String name) throws ReflectiveOperationException {
        String simple = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + "Benchmark";
        String className = "kz.qorgau.bench." + name + "." + simple;
        try {
            return (Benchmark) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            System.err.println("benchmark '" + name + "' is not built yet (no class " + className + ")");
            System.exit(2);
            throw e;
        }
    }
}

package kz.qorgau.signals.ads;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import kz.qorgau.signals.text.PhraseMatcher;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the minor-risk score, read from a versioned CSV file that an NGO edits without code.
 * The format is documented in the header of the bundled file,
 * {@code kz/qorgau/signals/ads/minor-indicators.csv}, and in {@code docs/ads-screening.md}: context
 * rows decide whether an ad is a companionship ad at all, phrase rows and age rows are the
 * indicators, each row with a weight and optional conditions on other rules.
 *
 * <p>Loading checks everything and fails with the line and the fix: an unknown type, a weight out
 * of range, a malformed phrase, a condition naming a rule that does not exist. Immutable and
 * thread-safe.
 */
public final class IndicatorSet {

    /** The file format this class reads ({@code meta,format} row). */
    public static final String FORMAT = "qorgau-ad-indicators/1";

    /** The pattern of a context row that stands for "the ad states the age of the person offered". */
    public static final String STATED_AGE = "{stated-age}";

    private static final String HEADER = "type,rule,lang,pattern,weight,requires,note";
    private static final String BUNDLED = "minor-indicators.csv";
    private static final long MAX_ROWS = 100_000;

    private final String source;
    private final String version;
    private final double flagThreshold;
    private final double contextThreshold;
    private final PhraseMatcher<ContextRow> context;
    private final List<ContextRow> statedAgeContext;
    private final PhraseMatcher<IndicatorRow> phrases;
    private final List<IndicatorRow> ages;
    private final Set<String> rules;

    private IndicatorSet(Loader loader) {
        this.source = loader.source;
        this.version = Objects.requireNonNull(loader.version);
        this.flagThreshold = loader.flagThreshold;
        this.contextThreshold = loader.contextThreshold;
        this.context = loader.context.build();
        this.statedAgeContext = List.copyOf(loader.statedAgeContext);
        this.phrases = loader.phrases.build();
        this.ages = List.copyOf(loader.ages);
        this.rules = Set.copyOf(loader.indicatorRules);
    }

    /** The file shipped with Qorgau. */
    public static IndicatorSet bundled() {
        try (InputStream in = IndicatorSet.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled indicator file " + BUNDLED
                        + " is missing from the classpath; rebuild the signals module");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "bundled " + BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an indicator file.
     *
     * @throws IllegalArgumentException naming the line and what to fix if the file is not valid
     */
    public static IndicatorSet load(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString());
        }
    }

    /**
     * Reads an indicator file from a reader.
     *
     * @param sourceName how to name the file in error messages
     * @throws IllegalArgumentException naming the line and what to fix if the file is not valid
     */
    public static IndicatorSet parse(Reader csv, String sourceName) throws IOException {
        Loader loader = new Loader(sourceName);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            boolean header = false;
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (!header) {
                    String got = String.join(",", record.values()).replace("\uFEFF", "");
                    if (!got.equals(HEADER)) {
                        throw loader.error(
                                line, "the first row must be the header '" + HEADER + "', got '" + got + "'");
                    }
                    header = true;
                    continue;
                }
                if (record.getRecordNumber() > MAX_ROWS) {
                    throw loader.error(line, "more than " + MAX_ROWS + " rows; split the file");
                }
                loader.row(line, record);
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException bad) {
                throw new IllegalArgumentException(sourceName + ": not a readable CSV file: " + bad.getMessage(), bad);
            }
            throw e.getCause();
        } catch (CSVException e) {
            throw new IllegalArgumentException(sourceName + ": not a readable CSV file: " + e.getMessage(), e);
        }
        return loader.finish();
    }

    /** The file's version ({@code meta,version} row); every score names it. */
    public String version() {
        return version;
    }

    /** Score at which an ad is flagged for review. */
    public double flagThreshold() {
        return flagThreshold;
    }

    /** Sum of context weights at which an ad counts as a companionship ad. */
    public double contextThreshold() {
        return contextThreshold;
    }

    /** Names of the indicator rules (phrase and age rows). */
    public Set<String> rules() {
        return rules;
    }

    /** Where the file came from. */
    public String source() {
        return source;
    }

    PhraseMatcher<ContextRow> contextMatcher() {
        return context;
    }

    List<ContextRow> statedAgeContext() {
        return statedAgeContext;
    }

    PhraseMatcher<IndicatorRow> phraseMatcher() {
        return phrases;
    }

    List<IndicatorRow> ageRows() {
        return ages;
    }

    /** A context row; {@code line} keeps rows with equal content distinct. */
    record ContextRow(long line, String rule, double weight) {}

    /** A phrase or age row. */
    record IndicatorRow(long line, String rule, double weight, int minAge, int maxAge, Condition requires) {}

    /** All clauses must hold; a clause holds when any of its literals holds. */
    record Condition(List<List<Literal>> clauses) {
        static final Condition NONE = new Condition(List.of());

        boolean holds(Set<String> matched) {
            for (List<Literal> clause : clauses) {
                boolean any = false;
                for (Literal l : clause) {
                    any |= matched.contains(l.rule()) != l.negated();
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }
    }

    record Literal(String rule, boolean negated) {}

    private static final class Loader {
        private final String source;
        private @Nullable String format;
        private @Nullable String version;
        private double flagThreshold = Double.NaN;
        private double contextThreshold = Double.NaN;
        private final PhraseMatcher.Builder<ContextRow> context = PhraseMatcher.builder();
        private final List<ContextRow> statedAgeContext = new ArrayList<>();
        private final PhraseMatcher.Builder<IndicatorRow> phrases = PhraseMatcher.builder();
        private final List<IndicatorRow> ages = new ArrayList<>();
        private final Set<String> indicatorRules = new LinkedHashSet<>();
        private final List<Pending> conditions = new ArrayList<>();

        private record Pending(long line, Condition condition) {}

        Loader(String source) {
            this.source = source;
        }

        IllegalArgumentException error(long line, String message) {
            return new IllegalArgumentException(source + ", line " + line + ": " + message);
        }

        void row(long line, CSVRecord record) {
            String type = column(record, 0).toLowerCase(Locale.ROOT);
            String rule = column(record, 1);
            String pattern = column(record, 3);
            String weightText = column(record, 4);
            String requires = column(record, 5);
            if (type.isEmpty() && rule.isEmpty()) {
                return;
            }
            if (!rule.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                throw error(line, "rule name '" + rule + "' should be letters, digits and '-', e.g. youth-term");
            }
            switch (type) {
                case "meta" -> meta(line, rule, pattern);
                case "setting" -> setting(line, rule, pattern);
                case "context" -> {
                    double weight = weight(line, weightText, -5, 5);
                    ContextRow row = new ContextRow(line, rule, weight);
                    if (!requires.isEmpty()) {
                        throw error(line, "context rows cannot have 'requires'; leave the column empty");
                    }
                    if (pattern.equals(STATED_AGE)) {
                        statedAgeContext.add(row);
                    } else {
                        addPhrase(line, pattern, () -> context.add(pattern, row));
                    }
                }
                case "phrase" -> {
                    Condition condition = condition(line, requires);
                    IndicatorRow row = new IndicatorRow(line, rule, weight(line, weightText, 0, 1), 0, 0, condition);
                    addPhrase(line, pattern, () -> phrases.add(pattern, row));
                    indicatorRules.add(rule);
                }
                case "age" -> {
                    Condition condition = condition(line, requires);
                    int[] range = ageRange(line, pattern);
                    ages.add(new IndicatorRow(
                            line, rule, weight(line, weightText, 0, 1), range[0], range[1], condition));
                    indicatorRules.add(rule);
                }
                default -> throw error(line, "unknown type '" + type + "'; use meta, setting, context, phrase or age");
            }
        }

        private static String column(CSVRecord record, int index) {
            return index < record.size() ? record.get(index).strip() : "";
        }

        private void addPhrase(long line, String pattern, Runnable add) {
            if (pattern.isEmpty()) {
                throw error(line, "the pattern is empty; write the words to look for");
            }
            try {
                add.run();
            } catch (IllegalArgumentException e) {
                throw error(line, e.getMessage());
            }
        }

        private void meta(long line, String rule, String value) {
            switch (rule) {
                case "format" -> {
                    if (!value.equals(FORMAT)) {
                        throw error(
                                line,
                                "format '" + value + "' is not one this version of Qorgau reads; expected " + FORMAT);
                    }
                    format = value;
                }
                case "version" -> {
                    if (value.isEmpty()) {
                        throw error(line, "the version is empty; give the file a version such as 2026.06-1");
                    }
                    version = value;
                }
                default -> throw error(line, "unknown meta row '" + rule + "'; use format or version");
            }
        }

        private void setting(long line, String rule, String value) {
            switch (rule) {
                case "flag-threshold" -> flagThreshold = number(line, value, 0.000001, 1);
                case "context-threshold" -> contextThreshold = number(line, value, -100, 100);
                default -> throw error(line, "unknown setting '" + rule + "'; use flag-threshold or context-threshold");
            }
        }

        private double weight(long line, String text, double min, double max) {
            return number(line, text, min, max);
        }

        private double number(long line, String text, double min, double max) {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw error(line, "'" + text + "' is not a number; write e.g. 0.5 (with a dot)");
            }
            if (!(value >= min && value <= max)) {
                throw error(line, "value " + text + " is outside " + min + ".." + max);
            }
            return value;
        }

        private int[] ageRange(long line, String pattern) {
            String[] parts = pattern.split("-");
            try {
                if (parts.length == 2) {
                    int min = Integer.parseInt(parts[0].strip());
                    int max = Integer.parseInt(parts[1].strip());
                    if (0 <= min && min <= max && max <= 130) {
                        return new int[] {min, max};
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(line, "an age pattern is a range of ages such as 0-17, got '" + pattern + "'");
        }

        private Condition condition(long line, String text) {
            if (text.isBlank()) {
                return Condition.NONE;
            }
            List<List<Literal>> clauses = new ArrayList<>();
            for (String clause : text.strip().split("\\s+")) {
                List<Literal> literals = new ArrayList<>();
                for (String alternative : clause.split("\\|")) {
                    boolean negated = alternative.startsWith("!");
                    String rule = negated ? alternative.substring(1) : alternative;
                    if (rule.isEmpty()) {
                        throw error(line, "empty rule name in requires '" + text + "'");
                    }
                    literals.add(new Literal(rule, negated));
                }
                clauses.add(List.copyOf(literals));
            }
            Condition condition = new Condition(List.copyOf(clauses));
            conditions.add(new Pending(line, condition));
            return condition;
        }

        IndicatorSet finish() {
            if (format == null) {
                throw new IllegalArgumentException(source + ": missing the row 'meta,format,," + FORMAT
                        + ",,,' that says what format the file is in");
            }
            if (version == null) {
                throw new IllegalArgumentException(source + ": missing the row 'meta,version,,<version>,,,'");
            }
            if (Double.isNaN(flagThreshold) || Double.isNaN(contextThreshold)) {
                throw new IllegalArgumentException(
                        source
                                + ": missing the rows 'setting,flag-threshold,,0.5,,,' and 'setting,context-threshold,,1.0,,,'");
            }
            for (Pending p : conditions) {
                for (List<Literal> clause : p.condition().clauses()) {
                    for (Literal l : clause) {
                        if (!indicatorRules.contains(l.rule())) {
                            throw error(
                                    p.line(),
                                    "requires names rule '" + l.rule()
                                            + "', which no phrase or age row defines; known rules: " + indicatorRules);
                        }
                    }
                }
            }
            return new IndicatorSet(this);
        }
    }
}

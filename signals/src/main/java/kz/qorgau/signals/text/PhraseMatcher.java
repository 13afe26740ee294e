package kz.qorgau.signals.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds many phrases at once in a {@link NormalizedText}, comparing match keys, so that a phrase
 * written in Cyrillic also matches the same words in Latin letters, with look-alike characters,
 * other letter case or spaced letters.
 *
 * <p>Phrase syntax (one phrase per {@link Builder#add} call), elements separated by spaces:
 *
 * <ul>
 *   <li>a word: matches that word ({@code школьница}); punctuation inside a phrase is ignored, so
 *       {@code y.o.} is the two words {@code y o};
 *   <li>a word ending in {@code *}: matches any word starting so ({@code школьниц*} matches
 *       школьница, школьницу, shkolnitsy); the part before {@code *} must have a key of at least 3
 *       characters, so that it does not match half the language;
 *   <li>{@code {n}}: any number; {@code {a-b}}: a number from a to b inclusive. A number matches a
 *       following ordinal ending written against it ({@code 9th}, {@code 9-го}, {@code 9-шы}) too;
 *   <li>an emoji: that emoji, whatever its variation selector or skin tone.
 * </ul>
 *
 * <p>Immutable and thread-safe once built. Matching costs O(tokens × phrases starting with each
 * token's key); phrases are indexed by their first element.
 *
 * @param <T> what each phrase stands for (a rule, a term)
 */
public final class PhraseMatcher<T> {

    /** Ordinal endings that may follow a number without a space or after a hyphen. */
    private static final Set<String> ORDINAL_ENDINGS = Set.copyOf(
            Stream.of("st", "nd", "rd", "th", "го", "й", "ый", "ий", "ая", "ое", "ой", "ші", "шы", "інші", "ыншы")
                    .map(TextNormalizer::key)
                    .toList());

    private static final int MIN_PREFIX_KEY = 3;

    private final Map<String, List<Phrase<T>>> byExactKey;
    private final Map<String, List<Phrase<T>>> byPrefix;
    private final List<Phrase<T>> byNumber;

    private PhraseMatcher(Builder<T> builder) {
        this.byExactKey = copy(builder.byExactKey);
        this.byPrefix = copy(builder.byPrefix);
        this.byNumber = List.copyOf(builder.byNumber);
    }

    private static <T> Map<String, List<Phrase<T>>> copy(Map<String, List<Phrase<T>>> map) {
        // A HashMap (never modified after construction) looks up faster than Map.copyOf's table.
        Map<String, List<Phrase<T>>> out = new HashMap<>(map.size() * 2);
        map.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /** Starts a matcher. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Every occurrence of every phrase, in order of the first token; overlapping matches included. */
    public List<PhraseMatch<T>> findAll(NormalizedText text) {
        List<PhraseMatch<T>> out = new ArrayList<>();
        List<Token> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            List<Phrase<T>> exact = byExactKey.get(token.key());
            if (exact != null) {
                tryAll(exact, text, i, out);
            }
            if (!byPrefix.isEmpty()
                    && token.kind() == TokenKind.WORD
                    && token.key().length() >= MIN_PREFIX_KEY) {
                List<Phrase<T>> prefixed = byPrefix.get(token.key().substring(0, MIN_PREFIX_KEY));
                if (prefixed != null) {
                    tryAll(prefixed, text, i, out);
                }
            }
            if (token.kind() == TokenKind.NUMBER) {
                tryAll(byNumber, text, i, out);
            }
        }
        return out;
    }

    private void tryAll(List<Phrase<T>> phrases, NormalizedText text, int start, List<PhraseMatch<T>> out) {
        for (Phrase<T> phrase : phrases) {
            int last = phrase.matchAt(text, start);
            if (last >= 0) {
                out.add(new PhraseMatch<>(phrase.payload, phrase.source, start, last, text.span(start, last)));
            }
        }
    }

    /** Collects phrases. Not thread-safe; build once and share the matcher. */
    public static final class Builder<T> {
        private final Map<String, List<Phrase<T>>> byExactKey = new HashMap<>();
        private final Map<String, List<Phrase<T>>> byPrefix = new HashMap<>();
        private final List<Phrase<T>> byNumber = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a phrase.
         *
         * @throws IllegalArgumentException if the phrase is empty or malformed; the message says what
         *     to change
         */
        public Builder<T> add(String phrase, T payload) {
            Objects.requireNonNull(phrase, "phrase");
            Objects.requireNonNull(payload, "payload");
            Phrase<T> compiled = Phrase.compile(phrase, payload);
            Element first = compiled.elements.get(0);
            switch (first.kind) {
                case EXACT ->
                    byExactKey
                            .computeIfAbsent(first.key, k -> new ArrayList<>())
                            .add(compiled);
                case PREFIX ->
                    byPrefix.computeIfAbsent(first.key.substring(0, MIN_PREFIX_KEY), k -> new ArrayList<>())
                            .add(compiled);
                case NUMBER -> byNumber.add(compiled);
            }
            return this;
        }

        /** The matcher. */
        public PhraseMatcher<T> build() {
            return new PhraseMatcher<>(this);
        }
    }

    private enum ElementKind {
        EXACT,
        PREFIX,
        NUMBER
    }

    private record Element(ElementKind kind, String key, long min, long max) {
        boolean matches(Token token) {
            return switch (kind) {
                case EXACT -> token.key().equals(key);
                case PREFIX -> token.kind() == TokenKind.WORD && token.key().startsWith(key);
                case NUMBER -> {
                    long value = token.numberValue();
                    yield value >= min && value <= max;
                }
            };
        }
    }

    private record Phrase<T>(String source, T payload, List<Element> elements) {

        static <T> Phrase<T> compile(String source, T payload) {
            List<Element> elements = new ArrayList<>();
            for (String part : source.trim().split("\\s+")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (part.startsWith("{")) {
                    elements.add(number(source, part));
                    continue;
                }
                boolean prefix = part.endsWith("*");
                String word = prefix ? part.substring(0, part.length() - 1) : part;
                List<Token> tokens = TextNormalizer.standard().normalize(word).tokens();
                if (tokens.isEmpty()) {
                    throw new IllegalArgumentException("phrase '" + source + "': '" + part
                            + "' has no letters, digits or emoji; remove it or write the word");
                }
                for (int i = 0; i < tokens.size(); i++) {
                    Token token = tokens.get(i);
                    boolean last = i == tokens.size() - 1;
                    if (prefix && last) {
                        if (token.key().length() < MIN_PREFIX_KEY) {
                            throw new IllegalArgumentException("phrase '" + source + "': the prefix '" + word
                                    + "*' is too short to be specific; write at least " + MIN_PREFIX_KEY
                                    + " letters before '*'");
                        }
                        elements.add(new Element(ElementKind.PREFIX, token.key(), 0, 0));
                    } else if (token.kind() == TokenKind.NUMBER) {
                        long value = token.numberValue();
                        elements.add(new Element(ElementKind.NUMBER, token.key(), value, value));
                    } else {
                        elements.add(new Element(ElementKind.EXACT, token.key(), 0, 0));
                    }
                }
            }
            if (elements.isEmpty()) {
                throw new IllegalArgumentException("phrase is empty; write at least one word");
            }
            return new Phrase<>(source, payload, List.copyOf(elements));
        }

        private static Element number(String source, String part) {
            if (!part.endsWith("}")) {
                throw new IllegalArgumentException(
                        "phrase '" + source + "': '" + part + "' should be {n} or a range such as {1-11}");
            }
            String inner = part.substring(1, part.length() - 1).trim();
            if (inner.equals("n")) {
                return new Element(ElementKind.NUMBER, "", 0, Long.MAX_VALUE);
            }
            String[] bounds = inner.split("-");
            try {
                if (bounds.length == 2) {
                    long min = Long.parseLong(bounds[0].trim());
                    long max = Long.parseLong(bounds[1].trim());
                    if (min <= max) {
                        return new Element(ElementKind.NUMBER, "", min, max);
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("phrase '" + source + "': '" + part
                    + "' should be {n} or a range with the smaller number first, such as {1-11}");
        }

        /** Index of the last matched token, or -1. */
        int matchAt(NormalizedText text, int start) {
            int t = start;
            List<Token> tokens = text.tokens();
            for (Element element : elements) {
                if (t >= tokens.size() || !element.matches(tokens.get(t))) {
                    return -1;
                }
                if (element.kind == ElementKind.NUMBER && t + 1 < tokens.size()) {
                    Token next = tokens.get(t + 1);
                    String gap = text.gapBefore(t + 1);
                    if ((gap.isEmpty() || gap.equals("-")) && ORDINAL_ENDINGS.contains(next.key())) {
                        t++;
                    }
                }
                t++;
            }
            return t - 1;
        }
    }
}

package kz.qorgau.signals.tx;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The editable list of memo keywords (Russian, Kazakh, English) and the matching of a memo against
 * it. Matching ignores case, compatibility forms, 'ё'/'е' and look-alike letters of other scripts,
 * and works on whole words; a keyword ending in {@code *} matches any word ending.
 */
public final class MemoKeywords {

    private static final int MAX_KEYWORDS = 10_000;
    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

    private final List<Keyword> keywords;
    private final String source;

    private record Keyword(String written, String pattern, boolean prefix) {}

    private MemoKeywords(List<Keyword> keywords, String source) {
        this.keywords = List.copyOf(keywords);
        this.source = source;
    }

    /**
     * Reads a keyword list: one phrase per line, {@code #} starts a comment.
     *
     * @param list the list's text
     * @param source a name for error messages
     * @throws IllegalArgumentException when the list has more than 10,000 phrases or a phrase has
     *     no letters
     */
    public static MemoKeywords parse(Reader list, String source) {
        List<Keyword> keywords = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(list)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                int hash = line.indexOf('#');
                String text = (hash < 0 ? line : line.substring(0, hash)).strip();
                if (text.isEmpty()) {
                    continue;
                }
                boolean prefix = text.endsWith("*");
                String pattern = canonical(prefix ? text.substring(0, text.length() - 1) : text);
                if (pattern.isBlank()) {
                    throw new IllegalArgumentException(
                            source + ":" + number + ": '" + text + "' has no letters or digits to match");
                }
                if (keywords.size() == MAX_KEYWORDS) {
                    throw new IllegalArgumentException(
                            source + " has more than " + MAX_KEYWORDS + " keywords; keep the list short and specific");
                }
                keywords.add(new Keyword(text, pattern, prefix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + source, e);
        }
        return new MemoKeywords(keywords, source);
    }

    /** A list that matches nothing. */
    public static MemoKeywords none() {
        return new MemoKeywords(List.of(), "none");
    }

    /**
     * The keywords (as written in the list) that a memo contains. O(length of memo × keywords).
     *
     * @param memo a payment memo; empty gives an empty list
     */
    public List<String> matches(String memo) {
        if (memo.isEmpty() || keywords.isEmpty()) {
            return List.of();
        }
        String text = " " + canonical(memo) + " ";
        List<String> found = new ArrayList<>(2);
        for (Keyword keyword : keywords) {
            String needle = keyword.prefix() ? " " + keyword.pattern() : " " + keyword.pattern() + " ";
            if (text.contains(needle)) {
                found.add(keyword.written());
            }
        }
        return found;
    }

    /** How many keywords the list holds. */
    public int size() {
        return keywords.size();
    }

    /** Where the list came from. */
    public String source() {
        return source;
    }

    /**
     * Folds case and compatibility forms, keeps letters and digits as words separated by one space,
     * then maps look-alike characters to one prototype so that a Latin 'o' inside a Cyrillic word
     * still matches.
     */
    static String canonical(String text) {
        String folded = FOLD.normalize(text).replace('ё', 'е');
        StringBuilder words = new StringBuilder(folded.length());
        boolean space = true;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                words.appendCodePoint(cp);
                space = false;
            } else if (!space) {
                words.append(' ');
                space = true;
            }
        }
        String joined = words.toString().strip();
        return CONFUSABLES.getSkeleton(joined);
    }
}

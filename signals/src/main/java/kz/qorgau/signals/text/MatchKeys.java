package kz.qorgau.signals.text;

import com.ibm.icu.text.Transliterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Script-independent keys: ICU {@code Any-Latin; Latin-ASCII} romanisation, then spelling variants
 * that romanisations disagree on collapsed ({@code sh}/{@code š} → s, {@code zh}/{@code j}/{@code ž} →
 * z, {@code q} → k, {@code ya} → a …) and {@code i}/{@code l} merged, because writers swap them and
 * the digit 1 for either. The key is lossy on purpose: it is only ever compared with another key.
 */
final class MatchKeys {

    private static final int CACHE_LIMIT = 200_000;
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();
    /**
     * ICU's romanisation, except that й becomes y (as people type it: Нұрай = Nuray) rather than j,
     * which Kazakh's Latin alphabet uses for ж.
     */
    private static final String RULES = "й > y; Й > Y; :: Any-Latin; :: Latin-ASCII;";

    private static final ThreadLocal<Transliterator> ROMANISE = ThreadLocal.withInitial(
            () -> Transliterator.createFromRules("qorgau-match-key", RULES, Transliterator.FORWARD));

    private MatchKeys() {}

    /** The key of one canonical (folded, look-alike-resolved) word. */
    static String of(String canonical) {
        if (isAsciiLowerAlnum(canonical)) {
            return collapse(canonical);
        }
        String cached = CACHE.get(canonical);
        if (cached != null) {
            return cached;
        }
        String key = collapse(ROMANISE.get().transliterate(canonical).toLowerCase(java.util.Locale.ROOT));
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(canonical, key);
        return key;
    }

    private static boolean isAsciiLowerAlnum(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    static String collapse(String romanised) {
        StringBuilder out = new StringBuilder(romanised.length());
        int n = romanised.length();
        for (int i = 0; i < n; i++) {
            char c = romanised.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                if (c == 'ə' || c == 'Ə') {
                    out.append('a');
                }
                continue;
            }
            char next = i + 1 < n ? romanised.charAt(i + 1) : 0;
            if (next == 'h' && (c == 's' || c == 'c' || c == 'z' || c == 'k')) {
                out.append(c == 'k' ? 'h' : c);
                i++;
                continue;
            }
            if (c == 't' && next == 's') {
                out.append('c');
                i++;
                continue;
            }
            if (c == 'y' && (next == 'a' || next == 'u' || next == 'o' || next == 'e')) {
                out.append(next);
                i++;
                continue;
            }
            out.append(
                    switch (c) {
                        case 'j' -> 'z';
                        case 'q' -> 'k';
                        case 'w' -> 'v';
                        case 'i' -> 'l';
                        default -> c;
                    });
        }
        return out.toString();
    }
}

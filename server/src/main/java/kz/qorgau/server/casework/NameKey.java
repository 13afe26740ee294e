package kz.qorgau.server.casework;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;

/**
 * A name as a key that does not depend on the script or the transliteration a reporter chose:
 * Айдана, Aidana and Aydana give one key; Сейітқызы and Seitkyzy give one key. Latin letters, lower
 * case, the letters that transliterations disagree on folded together (й, и, і, ы, y, j → i; қ, q →
 * k; ұ, ү, w → u; ғ → g; х, kh → h; ə → a), soft signs and apostrophes dropped, doubled letters
 * single. It is for finding candidates, not for deciding: a person confirms.
 */
final class NameKey {

    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private NameKey() {}

    /** The key of each word of a name, joined by single spaces; empty for a name without letters. */
    static String of(String name) {
        String latin =
                TO_LATIN.get().transliterate(name.toLowerCase(Locale.ROOT)).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(latin.length());
        char previous = ' ';
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            char folded = switch (c) {
                case 'y', 'j', 'ı' -> 'i';
                case 'q' -> 'k';
                case 'w' -> 'u';
                case 'x' -> 'h';
                case 'ə', 'ä' -> 'a';
                case 'ö' -> 'o';
                case 'ü' -> 'u';
                default -> c;
            };
            if (folded == 'h' && previous == 'k' && out.length() > 0) {
                out.setCharAt(out.length() - 1, 'h'); // kh → h
                previous = 'h';
                continue;
            }
            if (folded >= 'a' && folded <= 'z') {
                if (folded != previous) {
                    out.append(folded);
                }
                previous = folded;
            } else if (Character.isWhitespace(folded) || folded == '-') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                previous = ' ';
            }
            // apostrophes, soft and hard signs and other marks are dropped without breaking the word
        }
        return out.toString().strip();
    }
}

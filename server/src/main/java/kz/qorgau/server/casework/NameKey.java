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

    /**
     * A coarser key for finding names spelled a little differently: of each word's {@link #of key}, the
     * first letter and then the consonants — vowels and {@code h} dropped, since transliterations
     * disagree most on those (Дана/Dina → dn, Сейітқызы/Seytkizi → stkz, Жанна/Zhanna → zn). Words
     * whose skeleton is shorter than two letters are left out (they would match too much). Different
     * names collide too (Aidana/Adina → adn): it only finds candidates, and scores less than a same key.
     * O(n) in the length of the name.
     */
    static String skeleton(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : of(name).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            StringBuilder bones = new StringBuilder().append(word.charAt(0));
            for (int i = 1; i < word.length(); i++) {
                char c = word.charAt(i);
                boolean dropped = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'h';
                if (!dropped && c != bones.charAt(bones.length() - 1)) {
                    bones.append(c);
                }
            }
            if (bones.length() >= 2) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(bones);
            }
        }
        return out.toString();
    }
}

package kz.qorgau.signals.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Characters that writers of ads swap for each other to get past filters: Latin and Cyrillic
 * letters that look the same ({@code o}/{@code о}, {@code B}/{@code В}), digits written as letters
 * ({@code З} for 3, {@code б} for 6, {@code Ч} for 4, {@code l} for 1) and letters written as digits
 * ({@code sch00lgirl}, {@code шк0льница}). The tables are deliberately small and explicit: each entry
 * is a substitution seen in practice. Letters of other scripts (Greek {@code ο}, Armenian
 * {@code օ}) are first reduced to their Latin prototype with ICU's {@link SpoofChecker} skeletons
 * (Unicode confusables, UTS #39).
 */
public final class LookAlikes {

    private static final Map<Integer, Integer> DIGITS = Map.ofEntries(
            entry('O', '0'),
            entry('o', '0'),
            entry('О', '0'),
            entry('о', '0'),
            entry('Q', '0'),
            entry('I', '1'),
            entry('l', '1'),
            entry('i', '1'),
            entry('|', '1'),
            entry('і', '1'),
            entry('І', '1'),
            entry('ı', '1'),
            entry('ӏ', '1'),
            entry('Z', '2'),
            entry('z', '2'),
            entry('З', '3'),
            entry('з', '3'),
            entry('ʒ', '3'),
            entry('Ʒ', '3'),
            entry('ӡ', '3'),
            entry('Ч', '4'),
            entry('ч', '4'),
            entry('S', '5'),
            entry('s', '5'),
            entry('Ѕ', '5'),
            entry('ѕ', '5'),
            entry('б', '6'),
            entry('Б', '6'),
            entry('b', '6'),
            entry('T', '7'),
            entry('Т', '7'),
            entry('B', '8'),
            entry('В', '8'),
            entry('в', '8'),
            entry('g', '9'),
            entry('q', '9'));

    private static final Map<Integer, Integer> LATIN_TO_CYRILLIC = Map.ofEntries(
            entry('A', 'А'),
            entry('a', 'а'),
            entry('B', 'В'),
            entry('b', 'ь'),
            entry('C', 'С'),
            entry('c', 'с'),
            entry('E', 'Е'),
            entry('e', 'е'),
            entry('H', 'Н'),
            entry('h', 'һ'),
            entry('I', 'І'),
            entry('i', 'і'),
            entry('K', 'К'),
            entry('k', 'к'),
            entry('M', 'М'),
            entry('m', 'м'),
            entry('O', 'О'),
            entry('o', 'о'),
            entry('P', 'Р'),
            entry('p', 'р'),
            entry('T', 'Т'),
            entry('X', 'Х'),
            entry('x', 'х'),
            entry('Y', 'У'),
            entry('y', 'у'),
            entry('r', 'г'),
            entry('n', 'п'),
            entry('0', 'о'),
            entry('3', 'з'),
            entry('4', 'ч'),
            entry('6', 'б'),
            entry('8', 'в'),
            entry('1', 'і'));

    private static final Map<Integer, Integer> CYRILLIC_TO_LATIN = Map.ofEntries(
            entry('А', 'A'),
            entry('а', 'a'),
            entry('В', 'B'),
            entry('в', 'b'),
            entry('Е', 'E'),
            entry('е', 'e'),
            entry('К', 'K'),
            entry('к', 'k'),
            entry('М', 'M'),
            entry('м', 'm'),
            entry('Н', 'H'),
            entry('н', 'h'),
            entry('О', 'O'),
            entry('о', 'o'),
            entry('Р', 'P'),
            entry('р', 'p'),
            entry('С', 'C'),
            entry('с', 'c'),
            entry('Т', 'T'),
            entry('т', 't'),
            entry('У', 'Y'),
            entry('у', 'y'),
            entry('Х', 'X'),
            entry('х', 'x'),
            entry('Ѕ', 'S'),
            entry('ѕ', 's'),
            entry('І', 'I'),
            entry('і', 'i'),
            entry('Ј', 'J'),
            entry('ј', 'j'),
            entry('ԁ', 'd'),
            entry('Ү', 'Y'),
            entry('ү', 'y'),
            entry('Һ', 'H'),
            entry('һ', 'h'),
            entry('ӏ', 'l'),
            entry('Ь', 'b'),
            entry('ь', 'b'),
            entry('г', 'r'),
            entry('п', 'n'),
            entry('0', 'o'),
            entry('1', 'l'),
            entry('2', 'z'),
            entry('3', 'e'),
            entry('4', 'a'),
            entry('5', 's'),
            entry('6', 'g'),
            entry('7', 't'),
            entry('8', 'b'),
            entry('9', 'g'));

    /** Code points below this are looked up in arrays: Latin, Greek and Cyrillic with its supplement. */
    private static final int TABLE_SIZE = 0x0530;

    private static final int[] DIGIT_TABLE = table(DIGITS);
    private static final int[] TO_CYRILLIC_TABLE = table(LATIN_TO_CYRILLIC);
    private static final int[] TO_LATIN_TABLE = table(CYRILLIC_TO_LATIN);

    private static final Map<Integer, Integer> PROTOTYPES = new ConcurrentHashMap<>();
    private static final ThreadLocal<SpoofChecker> SPOOF =
            ThreadLocal.withInitial(() -> new SpoofChecker.Builder().build());

    private LookAlikes() {}

    private static int[] table(Map<Integer, Integer> map) {
        int[] out = new int[TABLE_SIZE];
        java.util.Arrays.fill(out, -1);
        map.forEach((from, to) -> {
            if (from < TABLE_SIZE) {
                out[from] = to;
            }
        });
        return out;
    }

    private static int lookup(int[] table, Map<Integer, Integer> map, int codePoint) {
        if (codePoint < TABLE_SIZE) {
            return table[codePoint];
        }
        Integer mapped = map.get(codePoint);
        return mapped == null ? -1 : mapped;
    }

    private static Map.Entry<Integer, Integer> entry(char from, char to) {
        return Map.entry((int) from, (int) to);
    }

    /**
     * The digit a character stands for when it is written inside a number ({@code З} → 3,
     * {@code б} → 6), or -1. Real digits of any script return their value.
     */
    public static int digit(int codePoint) {
        if (codePoint >= '0' && codePoint <= '9') {
            return codePoint - '0';
        }
        int mapped = lookup(DIGIT_TABLE, DIGITS, codePoint);
        if (mapped >= 0) {
            return mapped - '0';
        }
        if (codePoint < 0x80) {
            return -1;
        }
        int value = UCharacter.digit(codePoint, 10);
        if (value >= 0) {
            return value;
        }
        mapped = lookup(DIGIT_TABLE, DIGITS, latinPrototype(codePoint));
        return mapped < 0 ? -1 : mapped - '0';
    }

    /** Whether a character is a digit or a letter that {@link #digit(int)} reads as one. */
    public static boolean isDigitLike(int codePoint) {
        return digit(codePoint) >= 0;
    }

    /**
     * The Cyrillic letter a Latin look-alike or a digit stands for inside a Cyrillic word, or the
     * code point itself.
     */
    public static int toCyrillic(int codePoint) {
        int mapped = lookup(TO_CYRILLIC_TABLE, LATIN_TO_CYRILLIC, latinPrototype(codePoint));
        return mapped < 0 ? codePoint : mapped;
    }

    /**
     * The Latin letter a Cyrillic look-alike or a digit stands for inside a Latin word, or the code
     * point itself.
     */
    public static int toLatin(int codePoint) {
        int mapped = lookup(TO_LATIN_TABLE, CYRILLIC_TO_LATIN, codePoint);
        return mapped >= 0 ? mapped : latinPrototype(codePoint);
    }

    /**
     * For a letter of a script other than Latin or Cyrillic that Unicode lists as confusable with a
     * single ASCII letter or digit, that ASCII character; otherwise the code point itself.
     */
    static int latinPrototype(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint;
        }
        int script = UScript.getScript(codePoint);
        if (script == UScript.LATIN || script == UScript.CYRILLIC || !UCharacter.isLetter(codePoint)) {
            return codePoint;
        }
        return PROTOTYPES.computeIfAbsent(codePoint, cp -> {
            String skeleton = SPOOF.get().getSkeleton(new String(Character.toChars(cp)));
            if (skeleton.length() == 1 && skeleton.charAt(0) < 0x80 && Character.isLetterOrDigit(skeleton.charAt(0))) {
                return (int) skeleton.charAt(0);
            }
            return cp;
        });
    }

    /** Whether the code point is a Cyrillic letter (Kazakh letters included). */
    static boolean isCyrillic(int codePoint) {
        return UScript.getScript(codePoint) == UScript.CYRILLIC && UCharacter.isLetter(codePoint);
    }

    /** Whether the code point is a Latin letter, or a letter of another script confusable with one. */
    static boolean isLatinLike(int codePoint) {
        if (!UCharacter.isLetter(codePoint)) {
            return false;
        }
        int script = UScript.getScript(codePoint);
        if (script == UScript.LATIN) {
            return true;
        }
        return script != UScript.CYRILLIC && latinPrototype(codePoint) < 0x80;
    }
}

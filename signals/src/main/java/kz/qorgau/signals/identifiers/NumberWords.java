package kz.qorgau.signals.identifiers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.qorgau.signals.text.TextNormalizer;
import kz.qorgau.signals.text.Token;
import kz.qorgau.signals.text.TokenKind;
import org.jspecify.annotations.Nullable;

/**
 * Number words of Russian, Kazakh (Cyrillic and Latin alphabets) and English, looked up by match
 * key so that look-alike letters and transliteration do not hide them, and composed into numbers
 * ({@code семьсот семьдесят семь} = 777, {@code он алты} = 16, {@code жеті жүз} = 700).
 */
final class NumberWords {

    /** How a word combines with its neighbours. */
    enum Kind {
        /** 0–9. */
        UNIT,
        /** 10–19 standing alone (Russian, English). */
        TEEN,
        /** A multiple of ten that a unit may follow (двадцать, жиырма; Kazakh он = 10). */
        TEN,
        /** A hundred that tens and units may follow (семьсот). */
        HUNDRED,
        /** "Hundred" multiplying the unit before it (жүз, hundred). */
        TIMES_HUNDRED
    }

    record Word(int value, Kind kind) {}

    /** A number composed of one or more consecutive number words. */
    record Composed(long value, String digits, int firstToken, int lastToken) {}

    private static final Map<String, Word> BY_KEY = build();

    private NumberWords() {}

    private static Map<String, Word> build() {
        Map<String, Word> map = new HashMap<>();
        String[][] units = {
            {"ноль", "нуль", "нөл", "nól", "nol", "zero", "oh"},
            {"один", "одна", "одно", "раз", "бір", "bir", "one"},
            {"два", "две", "екі", "eki", "two"},
            {"три", "үш", "úsh", "ush", "three"},
            {"четыре", "төрт", "tórt", "tort", "four"},
            {"пять", "бес", "bes", "five"},
            {"шесть", "алты", "alty", "six"},
            {"семь", "жеті", "jeti", "seven"},
            {"восемь", "сегіз", "segiz", "eight"},
            {"девять", "тоғыз", "toǵyz", "togyz", "nine"}
        };
        for (int v = 0; v < units.length; v++) {
            for (String w : units[v]) {
                put(map, w, new Word(v, Kind.UNIT));
            }
        }
        String[][] teens = {
            {"десять", "ten"},
            {"одиннадцать", "eleven"},
            {"двенадцать", "twelve"},
            {"тринадцать", "thirteen"},
            {"четырнадцать", "fourteen"},
            {"пятнадцать", "fifteen"},
            {"шестнадцать", "sixteen"},
            {"семнадцать", "seventeen"},
            {"восемнадцать", "eighteen"},
            {"девятнадцать", "nineteen"}
        };
        for (int v = 0; v < teens.length; v++) {
            for (String w : teens[v]) {
                put(map, w, new Word(10 + v, Kind.TEEN));
            }
        }
        put(map, "он", new Word(10, Kind.TEN));
        String[][] tens = {
            {"двадцать", "жиырма", "jıyrma", "twenty"},
            {"тридцать", "отыз", "otyz", "thirty"},
            {"сорок", "қырық", "qyryq", "forty"},
            {"пятьдесят", "елу", "elý", "fifty"},
            {"шестьдесят", "алпыс", "alpys", "sixty"},
            {"семьдесят", "жетпіс", "jetpis", "seventy"},
            {"восемьдесят", "сексен", "seksen", "eighty"},
            {"девяносто", "тоқсан", "toqsan", "ninety"}
        };
        for (int v = 0; v < tens.length; v++) {
            for (String w : tens[v]) {
                put(map, w, new Word(20 + 10 * v, Kind.TEN));
            }
        }
        String[] hundreds = {
            "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"
        };
        for (int v = 0; v < hundreds.length; v++) {
            put(map, hundreds[v], new Word(100 * (v + 1), Kind.HUNDRED));
        }
        for (String w : new String[] {"жүз", "júz", "hundred"}) {
            put(map, w, new Word(100, Kind.TIMES_HUNDRED));
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static void put(Map<String, Word> map, String word, Word value) {
        String key = TextNormalizer.key(word);
        Word previous = map.put(key, value);
        if (previous != null && !previous.equals(value)) {
            throw new IllegalStateException("number words collide on key '" + key + "': " + word + " = " + value
                    + " and another word = " + previous + "; fix the table in NumberWords");
        }
    }

    /** The number word a token is, or null. */
    static @Nullable Word of(Token token) {
        return token.kind() == TokenKind.WORD ? BY_KEY.get(token.key()) : null;
    }

    /**
     * Composes consecutive number words {@code [from, to]} of a token list into numbers, greedily:
     * {@code восемь семьсот семьдесят семь} gives 8 and 777.
     */
    static List<Composed> compose(List<Token> tokens, int from, int to) {
        List<Composed> out = new ArrayList<>();
        int i = from;
        while (i <= to) {
            Word first = of(tokens.get(i));
            if (first == null) {
                i++;
                continue;
            }
            long value = first.value();
            int start = i;
            Kind state = first.kind();
            i++;
            while (i <= to) {
                Word next = of(tokens.get(i));
                if (next == null) {
                    break;
                }
                Kind k = next.kind();
                if (state == Kind.UNIT && k == Kind.TIMES_HUNDRED && value > 0) {
                    value *= 100;
                    state = Kind.HUNDRED;
                } else if ((state == Kind.HUNDRED || state == Kind.TIMES_HUNDRED)
                        && (k == Kind.TEN || k == Kind.TEEN || (k == Kind.UNIT && next.value() > 0))) {
                    value += next.value();
                    state = k == Kind.TEN ? Kind.TEN : Kind.TEEN;
                } else if (state == Kind.TEN && k == Kind.UNIT && next.value() > 0) {
                    value += next.value();
                    state = Kind.TEEN;
                } else {
                    break;
                }
                i++;
            }
            out.add(new Composed(value, Long.toString(value), start, i - 1));
        }
        return out;
    }
}

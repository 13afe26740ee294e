package kz.qorgau.signals.identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import kz.qorgau.signals.text.NormalizedText;
import kz.qorgau.signals.text.TextNormalizer;
import kz.qorgau.signals.text.Token;
import kz.qorgau.signals.text.TokenKind;
import org.jspecify.annotations.Nullable;

/**
 * Ages a text states for the person it offers, in Russian, Kazakh and English: a number with an age
 * word after it ({@code 16 лет}, {@code 17 жаста}, {@code 16 y.o.}), an age word before it
 * ({@code мне 16}, {@code жасым 16}, {@code age 16}, {@code I am 16}, {@code только исполнилось 18}),
 * or a number standing alone as a clause ({@code молоденькая, 18.}). Numbers may be spelled out
 * ({@code шестнадцать лет}, {@code он алты жаста}). Not stated ages: ages of others ({@code для
 * ребёнка 6 лет}, {@code a 6-year-old}), ranges ({@code 10-11 лет}), bounds ({@code от 18 лет}) and
 * durations ({@code опыт 10 лет}, {@code 5 years ago}). Time O(tokens).
 */
final class AgeExtractor {

    static final int MIN_AGE = 10;
    static final int MAX_AGE = 99;
    /** A number alone as a clause is read as an age only in this range, where ads' other bare numbers rarely fall. */
    static final int MIN_BARE_AGE = 14;

    static final int MAX_BARE_AGE = 70;

    private static final List<List<String>> BEFORE = keys(
            "мне",
            "мне уже",
            "мне исполнилось",
            "возраст",
            "возрастом",
            "age",
            "aged",
            "i am",
            "i'm",
            "im",
            "iam",
            "жасым",
            "исполнилось",
            "исполнилось уже",
            "turned",
            "just turned");
    private static final List<List<String>> AFTER = keys(
            "лет",
            "год",
            "года",
            "годик",
            "годика",
            "годиков",
            "годков",
            "жаста",
            "жас",
            "жастамын",
            "жастағы",
            "yo",
            "y o",
            "years",
            "year",
            "yrs",
            "yr",
            "толды",
            "исполнилось");
    private static final Set<String> OTHERS_EXACT = keySet(
            "son", "sons", "kid", "kids", "baby", "a", "an", "for", "от", "до", "за", "через", "после", "over", "under",
            "than", "from", "until", "within", "ұлым", "ұлы", "қызым", "дети", "детей", "детям", "с");
    private static final Set<String> OTHERS_PREFIX = keySet(
            "ребен",
            "ребён",
            "сын",
            "доч",
            "девочк",
            "мальчик",
            "малыш",
            "child",
            "daughter",
            "toddler",
            "бала",
            "опыт",
            "стаж",
            "experien",
            "тәжірибе",
            "более",
            "больше",
            "свыше",
            "старше",
            "младше",
            "moreth");
    private static final Set<String> AFTER_DURATION =
            keySet("назад", "ago", "бұрын", "experience", "опыта", "стажа", "работы", "стаж", "опыт", "тәжірибе");

    private static List<List<String>> keys(String... phrases) {
        return Stream.of(phrases)
                .map(p -> List.of(TextNormalizer.key(p).split(" ")))
                .toList();
    }

    private static Set<String> keySet(String... words) {
        return Set.copyOf(Stream.of(words).map(TextNormalizer::key).toList());
    }

    record Number(int value, int first, int last) {}

    List<AgeMention> extract(NormalizedText text, boolean[] claimed) {
        List<AgeMention> out = new ArrayList<>();
        List<Token> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (claimed[i]) {
                continue;
            }
            Number n = numberAt(tokens, i);
            if (n == null) {
                continue;
            }
            if (n.value() >= MIN_AGE && n.value() <= MAX_AGE && !isRange(text, n)) {
                int markerStart = markerBefore(tokens, n.first());
                int markerEnd = markerAfter(tokens, n.last());
                if (markerStart >= 0 && !spokenOfOthers(tokens, markerStart)) {
                    out.add(new AgeMention(n.value(), text.span(markerStart, n.last())));
                } else if (markerEnd >= 0
                        && !spokenOfOthers(tokens, n.first())
                        && !isDuration(tokens, markerEnd)
                        && !isAttributiveEnglish(tokens, n.first(), markerEnd)) {
                    out.add(new AgeMention(n.value(), text.span(n.first(), markerEnd)));
                } else if (isBare(text, n)) {
                    out.add(new AgeMention(n.value(), text.span(n.first(), n.last())));
                }
            }
            i = n.last();
        }
        return out;
    }

    static @Nullable Number numberAt(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (t.kind() == TokenKind.NUMBER) {
            long v = t.numberValue();
            return v < 0 || v > 1000 ? null : new Number((int) v, i, i);
        }
        if (NumberWords.of(t) == null) {
            return null;
        }
        int end = i;
        while (end + 1 < tokens.size() && NumberWords.of(tokens.get(end + 1)) != null) {
            end++;
        }
        List<NumberWords.Composed> composed = NumberWords.compose(tokens, i, end);
        NumberWords.Composed first = composed.get(0);
        return first.value() > 1000 ? null : new Number((int) first.value(), first.firstToken(), first.lastToken());
    }

    private static boolean isRange(NormalizedText text, Number n) {
        List<Token> tokens = text.tokens();
        String before = text.gapBefore(n.first()).strip();
        String after =
                n.last() + 1 <= tokens.size() ? text.gapBefore(n.last() + 1).strip() : "";
        boolean dashBefore = (before.equals("-") || before.equals("–") || before.equals("—"))
                && n.first() > 0
                && tokens.get(n.first() - 1).kind() == TokenKind.NUMBER;
        boolean dashAfter = (after.equals("-") || after.equals("–") || after.equals("—"))
                && n.last() + 1 < tokens.size()
                && tokens.get(n.last() + 1).kind() == TokenKind.NUMBER;
        return dashBefore || dashAfter || after.startsWith("+") || after.startsWith("%");
    }

    /** Index of the first token of an age word sequence ending right before {@code first}, or -1. */
    private static int markerBefore(List<Token> tokens, int first) {
        int best = -1;
        for (List<String> marker : BEFORE) {
            int start = first - marker.size();
            if (start >= 0 && matches(tokens, start, marker)) {
                best = best < 0 ? start : Math.min(best, start);
            }
        }
        return best;
    }

    /** Index of the last token of an age word sequence starting right after {@code last}, or -1. */
    private static int markerAfter(List<Token> tokens, int last) {
        int best = -1;
        for (List<String> marker : AFTER) {
            if (last + marker.size() < tokens.size() && matches(tokens, last + 1, marker)) {
                best = Math.max(best, last + marker.size());
            }
        }
        return best;
    }

    private static boolean matches(List<Token> tokens, int start, List<String> keys) {
        for (int k = 0; k < keys.size(); k++) {
            Token t = tokens.get(start + k);
            if (t.kind() != TokenKind.WORD || !t.key().equals(keys.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean spokenOfOthers(List<Token> tokens, int start) {
        for (int k = Math.max(0, start - 2); k < start; k++) {
            String key = tokens.get(k).key();
            if (OTHERS_EXACT.contains(key)) {
                return true;
            }
            for (String prefix : OTHERS_PREFIX) {
                if (key.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDuration(List<Token> tokens, int markerEnd) {
        return markerEnd + 1 < tokens.size()
                && AFTER_DURATION.contains(tokens.get(markerEnd + 1).key());
    }

    /** "a 6-year-old", "6 year old boy": an English attribute of someone else unless "I am" precedes. */
    private static boolean isAttributiveEnglish(List<Token> tokens, int first, int markerEnd) {
        Token marker = tokens.get(markerEnd);
        boolean year = marker.key().equals("year");
        boolean old =
                markerEnd + 1 < tokens.size() && tokens.get(markerEnd + 1).key().equals("old");
        return year
                && old
                && first > 0
                && OTHERS_EXACT.contains(tokens.get(first - 1).key());
    }

    private static boolean isBare(NormalizedText text, Number n) {
        if (n.first() != n.last() || n.value() < MIN_BARE_AGE || n.value() > MAX_BARE_AGE) {
            return false;
        }
        List<Token> tokens = text.tokens();
        if (tokens.get(n.first()).canonical().length() != 2) {
            return false;
        }
        String before = text.gapBefore(n.first()).strip();
        String after = text.gapBefore(n.last() + 1).strip();
        boolean clauseStart = n.first() == 0
                || endsClause(before)
                || tokens.get(n.first() - 1).kind() == TokenKind.EMOJI;
        boolean clauseEnd = n.last() + 1 == tokens.size() ? after.isEmpty() || endsClause(after) : startsClause(after);
        return clauseStart && clauseEnd;
    }

    private static boolean endsClause(String gap) {
        return !gap.isEmpty() && ".,;!?—–".indexOf(gap.charAt(gap.length() - 1)) >= 0 && !gap.contains(":");
    }

    private static boolean startsClause(String gap) {
        return !gap.isEmpty() && ".,;!?—–".indexOf(gap.charAt(0)) >= 0;
    }
}

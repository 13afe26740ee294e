package kz.qorgau.signals.identifiers;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.qorgau.signals.text.LookAlikes;
import kz.qorgau.signals.text.NormalizedText;
import kz.qorgau.signals.text.TextSpan;
import kz.qorgau.signals.text.Token;
import kz.qorgau.signals.text.TokenKind;

/**
 * Reads phone numbers out of runs of digit-like tokens: numbers (look-alike letters already resolved
 * by the normaliser), number words, and single look-alike letters between them, separated by at
 * most a few spaces, dashes, dots, brackets or plus signs. A run's digits are then cut into numbers
 * that libphonenumber accepts as valid, trying 11-digit national forms with a leading 8 or 7 first.
 * Time O(tokens).
 */
final class PhoneExtractor {

    /** Fewer digits than this in a run cannot hold a phone number anywhere (KZ: 10 national digits). */
    static final int MIN_DIGITS = 10;

    private static final int MAX_GAP = 3;
    private static final int MAX_RUN_DIGITS = 64;

    private final String region;

    PhoneExtractor(String region) {
        this.region = region;
    }

    /** A number found, with the tokens it covers. */
    record Found(PhoneMention mention, int firstToken, int lastToken) {}

    /**
     * @param claimed tokens already read as something else (inside links and handles), skipped
     */
    List<Found> extract(NormalizedText text, boolean[] claimed) {
        List<Found> out = new ArrayList<>();
        List<Token> tokens = text.tokens();
        int i = 0;
        while (i < tokens.size()) {
            if (claimed[i] || component(tokens.get(i)) == Component.NONE) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            while (end + 1 < tokens.size()
                    && !claimed[end + 1]
                    && component(tokens.get(end + 1)) != Component.NONE
                    && isSeparator(text.gapBefore(end + 1))) {
                end++;
            }
            readRun(text, start, end, out);
            i = end + 1;
        }
        return out;
    }

    private enum Component {
        NONE,
        DIGITS,
        WORD,
        LOOK_ALIKE_LETTER
    }

    private static Component component(Token token) {
        if (token.kind() == TokenKind.NUMBER) {
            return Component.DIGITS;
        }
        if (token.kind() != TokenKind.WORD) {
            return Component.NONE;
        }
        if (NumberWords.of(token) != null) {
            return Component.WORD;
        }
        String original = token.original();
        if (original.codePointCount(0, original.length()) == 1 && LookAlikes.isDigitLike(original.codePointAt(0))) {
            return Component.LOOK_ALIKE_LETTER;
        }
        return Component.NONE;
    }

    private static boolean isSeparator(String gap) {
        if (gap.length() > MAX_GAP) {
            return false;
        }
        for (int k = 0; k < gap.length(); k++) {
            char c = gap.charAt(k);
            if (!(Character.isWhitespace(c)
                    || c == '-'
                    || c == '.'
                    || c == '('
                    || c == ')'
                    || c == '+'
                    || c == '_'
                    || c == '\u2013'
                    || c == '\u2014'
                    || c == '\u00A0')) {
                return false;
            }
        }
        return true;
    }

    private void readRun(NormalizedText text, int start, int end, List<Found> out) {
        List<Token> tokens = text.tokens();
        // Single look-alike letters count only between real digits: "в" before a number is a preposition.
        while (start <= end && component(tokens.get(start)) == Component.LOOK_ALIKE_LETTER) {
            start++;
        }
        while (end >= start && component(tokens.get(end)) == Component.LOOK_ALIKE_LETTER) {
            end--;
        }
        if (start > end) {
            return;
        }
        StringBuilder digits = new StringBuilder();
        List<Integer> tokenOfDigit = new ArrayList<>();
        int k = start;
        while (k <= end && digits.length() <= MAX_RUN_DIGITS) {
            Token token = tokens.get(k);
            Component c = component(token);
            if (c == Component.WORD) {
                int wordsEnd = k;
                while (wordsEnd + 1 <= end && component(tokens.get(wordsEnd + 1)) == Component.WORD) {
                    wordsEnd++;
                }
                for (NumberWords.Composed composed : NumberWords.compose(tokens, k, wordsEnd)) {
                    for (int d = 0; d < composed.digits().length(); d++) {
                        digits.append(composed.digits().charAt(d));
                        tokenOfDigit.add(d == 0 ? composed.firstToken() : composed.lastToken());
                    }
                }
                k = wordsEnd + 1;
                continue;
            }
            String ds = c == Component.DIGITS
                    ? token.canonical()
                    : String.valueOf(LookAlikes.digit(token.original().codePointAt(0)));
            for (int d = 0; d < ds.length(); d++) {
                digits.append(ds.charAt(d));
                tokenOfDigit.add(k);
            }
            k++;
        }
        if (digits.length() < MIN_DIGITS) {
            return;
        }
        boolean international = text.gapBefore(start).endsWith("+");
        int p = 0;
        while (p + MIN_DIGITS <= digits.length()) {
            int length = validLengthAt(digits, p, international && p == 0);
            if (length == 0) {
                p++;
                continue;
            }
            int first = tokenOfDigit.get(p);
            int last = tokenOfDigit.get(p + length - 1);
            String e164 = parse(digits.substring(p, p + length), international && p == 0)
                    .orElseThrow();
            TextSpan evidence = text.span(first, last);
            out.add(new Found(new PhoneMention(e164, evidence, disguises(text, first, last)), first, last));
            p += length;
        }
    }

    /** Length of the valid number starting at {@code p}, or 0. */
    private int validLengthAt(CharSequence digits, int p, boolean international) {
        int remaining = digits.length() - p;
        char lead = digits.charAt(p);
        if (international && lead != '7' && lead != '8') {
            for (int length = Math.min(15, remaining); length >= 8; length--) {
                if (parse(digits.subSequence(p, p + length), true).isPresent()) {
                    return length;
                }
            }
            return 0;
        }
        if ((lead == '8' || lead == '7')
                && remaining >= 11
                && parse(digits.subSequence(p, p + 11), international).isPresent()) {
            return 11;
        }
        // A national number without its trunk prefix ("7771234567"); one starting with the trunk 8 is
        // the start of an 11-digit form whose end is missing, not a number of its own.
        if (remaining >= 10
                && lead != '8'
                && lead != '0'
                && parse(digits.subSequence(p, p + 10), false).isPresent()) {
            return 10;
        }
        return 0;
    }

    private Optional<String> parse(CharSequence digits, boolean international) {
        return PhoneNumbers.parse(international ? "+" + digits : digits, region);
    }

    private static boolean isUnicodeDigitForm(int cp) {
        return cp > 0x7F
                && (UCharacter.isDigit(cp)
                        || UCharacter.getType(cp) == UCharacterCategory.OTHER_NUMBER
                        || cp == 0x20E3);
    }

    private static Set<PhoneDisguise> disguises(NormalizedText text, int first, int last) {
        EnumSet<PhoneDisguise> out = EnumSet.noneOf(PhoneDisguise.class);
        for (int t = first; t <= last; t++) {
            Token token = text.token(t);
            Component c = component(token);
            if (c == Component.WORD) {
                out.add(PhoneDisguise.SPELLED_OUT);
            } else if (c == Component.LOOK_ALIKE_LETTER || token.disguised()) {
                out.add(PhoneDisguise.LOOK_ALIKE_CHARACTERS);
            }
            if (c == Component.DIGITS && token.original().codePoints().anyMatch(PhoneExtractor::isUnicodeDigitForm)) {
                out.add(PhoneDisguise.UNICODE_DIGITS);
            }
        }
        // The usual written formats have at most five groups: 8 (777) 123-45-67.
        if (last - first + 1 > 5) {
            out.add(PhoneDisguise.SPLIT_DIGITS);
        }
        return out;
    }
}

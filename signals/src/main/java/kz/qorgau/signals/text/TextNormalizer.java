package kz.qorgau.signals.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a text into words, numbers and emoji and normalises each one: Unicode NFKC (full-width,
 * circled and mathematical digits and letters become plain ones), invisible characters removed
 * (zero-width spaces, soft hyphens, variation selectors), case folded, look-alike characters
 * resolved into the word's own script ({@link LookAlikes}), letters spaced apart
 * ({@code ш к о л ь н и ц а}) joined, and a script-independent match key computed with ICU
 * transliteration. Every token keeps its offsets into the original text.
 *
 * <p>Thread-safe and stateless; {@link #standard()} is shared. Time O(length of the text).
 */
public final class TextNormalizer {

    private static final TextNormalizer STANDARD = new TextNormalizer();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    /** Single letters spaced apart are joined into one word when at least this many follow each other. */
    static final int MIN_SPACED_LETTERS = 4;

    private TextNormalizer() {}

    /** The normaliser. */
    public static TextNormalizer standard() {
        return STANDARD;
    }

    /**
     * NFKC with case folding and default-ignorable characters removed ({@code "Ｓｃｈ\u200Bool"} →
     * {@code "school"}); no look-alike resolution. Use it to compare identifiers such as handles.
     */
    public static String fold(String text) {
        return NFKC_CASEFOLD.normalize(Objects.requireNonNull(text, "text"));
    }

    /**
     * The script-independent match key of one word or phrase as the tokens of {@link #normalize}
     * would carry it, keys of several tokens joined by a space: {@code key("Шкoльница")} equals
     * {@code key("shkolnitsa")}.
     */
    public static String key(String text) {
        StringBuilder out = new StringBuilder();
        for (Token token : STANDARD.normalize(text).tokens()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(token.key());
        }
        return out.toString();
    }

    /**
     * Splits and normalises a text. Punctuation and spaces are not tokens; they remain readable
     * through {@link NormalizedText#gapBefore(int)}.
     *
     * @param text any text; its size is the caller's to limit
     */
    public NormalizedText normalize(String text) {
        Objects.requireNonNull(text, "text");
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (isWordChar(cp)) {
                int start = i;
                i = endOfWord(text, i);
                addWord(text, start, i, tokens);
            } else if (isEmojiStart(cp)) {
                int start = i;
                i = endOfEmoji(text, i);
                String original = text.substring(start, i);
                String canonical = emojiCanonical(original);
                tokens.add(new Token(TokenKind.EMOJI, start, i, original, canonical, canonical, false));
            } else {
                i += Character.charCount(cp);
            }
        }
        return new NormalizedText(text, joinSpacedLetters(text, tokens));
    }

    // ---- tokenising -------------------------------------------------------------------------

    static boolean isWordChar(int cp) {
        if (UCharacter.isLetterOrDigit(cp)) {
            return true;
        }
        int type = UCharacter.getType(cp);
        return type == UCharacterCategory.NON_SPACING_MARK
                || type == UCharacterCategory.COMBINING_SPACING_MARK
                || type == UCharacterCategory.ENCLOSING_MARK
                || type == UCharacterCategory.OTHER_NUMBER;
    }

    private static boolean isIgnorable(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019';
    }

    private static int endOfWord(String text, int i) {
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (isWordChar(cp)) {
                i += width;
                continue;
            }
            if (isIgnorable(cp) || isApostrophe(cp)) {
                // Invisible characters and apostrophes stay inside a word only when it goes on after them.
                int j = i + width;
                while (j < n && isIgnorable(text.codePointAt(j))) {
                    j += Character.charCount(text.codePointAt(j));
                }
                if (j < n
                        && UCharacter.isLetterOrDigit(text.codePointAt(j))
                        && (isIgnorable(cp) || UCharacter.isLetter(text.codePointBefore(i)))) {
                    i = j;
                    continue;
                }
            }
            break;
        }
        return i;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isEmojiStart(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC) || isRegionalIndicator(cp);
    }

    private static boolean isEmojiModifier(int cp) {
        return (cp >= 0x1F3FB && cp <= 0x1F3FF)
                || cp == 0xFE0F
                || cp == 0xFE0E
                || cp == 0x20E3
                || (cp >= 0xE0020 && cp <= 0xE007F);
    }

    private static int endOfEmoji(String text, int i) {
        int n = text.length();
        int first = text.codePointAt(i);
        i += Character.charCount(first);
        if (isRegionalIndicator(first) && i < n && isRegionalIndicator(text.codePointAt(i))) {
            return i + Character.charCount(text.codePointAt(i));
        }
        while (i < n) {
            int cp = text.codePointAt(i);
            if (isEmojiModifier(cp)) {
                i += Character.charCount(cp);
            } else if (cp == 0x200D && i + 1 < n && isEmojiStart(text.codePointAt(i + 1))) {
                i += 1 + Character.charCount(text.codePointAt(i + 1));
            } else {
                break;
            }
        }
        return i;
    }

    private static String emojiCanonical(String emoji) {
        StringBuilder out = new StringBuilder(emoji.length());
        emoji.codePoints().filter(cp -> !isEmojiModifier(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    // ---- words and numbers --------------------------------------------------------------------

    /** NFKC without case folding, default-ignorable characters removed; case tells B (8) from b (6). */
    private static int[] visibleCodePoints(String raw) {
        return NFKC.normalize(raw).codePoints().filter(cp -> !isIgnorable(cp)).toArray();
    }

    private static boolean isMark(int cp) {
        int type = UCharacter.getType(cp);
        return type == UCharacterCategory.NON_SPACING_MARK
                || type == UCharacterCategory.COMBINING_SPACING_MARK
                || type == UCharacterCategory.ENCLOSING_MARK;
    }

    private static boolean isRealDigit(int cp) {
        if (cp < 0x80) {
            return cp >= '0' && cp <= '9';
        }
        return Character.isDigit(cp) && UCharacter.digit(cp, 10) >= 0;
    }

    private static void addWord(String text, int start, int end, List<Token> tokens) {
        String raw = text.substring(start, end);
        int[] cps = visibleCodePoints(raw);
        if (cps.length == 0) {
            return;
        }
        if (isNumberLike(cps)) {
            tokens.add(number(text, start, end, cps));
            return;
        }
        // Digits glued to a word ("20к", "9th", "мне16", "night2133") are a number next to a word, not
        // look-alike letters. Split on the original text so that offsets stay exact.
        int lead = leadingDigits(raw);
        if (lead > 0 && lead < raw.length()) {
            addWord(text, start, start + lead, tokens);
            addWord(text, start + lead, end, tokens);
            return;
        }
        int trail = trailingDigits(raw);
        if (trail >= 2 && trail < raw.length()) {
            addWord(text, start, end - trail, tokens);
            addWord(text, end - trail, end, tokens);
            return;
        }
        tokens.add(word(text, start, end, cps));
    }

    private static boolean isNumberLike(int[] cps) {
        int digits = 0;
        for (int cp : cps) {
            if (isRealDigit(cp)) {
                digits++;
            } else if (!isMark(cp) && !LookAlikes.isDigitLike(cp)) {
                return false;
            }
        }
        return digits > 0;
    }

    private static int leadingDigits(String raw) {
        int i = 0;
        while (i < raw.length() && isRealDigit(raw.codePointAt(i))) {
            i += Character.charCount(raw.codePointAt(i));
        }
        return i;
    }

    private static int trailingDigits(String raw) {
        int i = raw.length();
        while (i > 0 && isRealDigit(raw.codePointBefore(i))) {
            i -= Character.charCount(raw.codePointBefore(i));
        }
        return raw.length() - i;
    }

    private static Token number(String text, int start, int end, int[] cps) {
        StringBuilder digits = new StringBuilder(cps.length);
        boolean disguised = false;
        for (int cp : cps) {
            if (isMark(cp)) {
                continue;
            }
            if (!isRealDigit(cp) || cp > '9') {
                disguised |= !isRealDigit(cp);
            }
            digits.append((char) ('0' + LookAlikes.digit(cp)));
        }
        String canonical = digits.toString();
        return new Token(TokenKind.NUMBER, start, end, text.substring(start, end), canonical, canonical, disguised);
    }

    private static Token word(String text, int start, int end, int[] cps) {
        int cyrillic = 0;
        int latin = 0;
        for (int cp : cps) {
            if (LookAlikes.isCyrillic(cp)) {
                cyrillic++;
            } else if (LookAlikes.isLatinLike(cp)) {
                latin++;
            }
        }
        boolean toCyrillic = cyrillic > 0 && cyrillic >= latin;
        boolean toLatin = !toCyrillic && latin > 0;
        StringBuilder resolved = new StringBuilder(cps.length);
        boolean disguised = false;
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            int out = cp;
            boolean interiorDigit = isRealDigit(cp) && i > 0 && i < cps.length - 1
                    || isRealDigit(cp) && i == cps.length - 1 && cps.length >= 4;
            if (isRealDigit(cp) && !interiorDigit) {
                out = cp;
            } else if (toCyrillic && !LookAlikes.isCyrillic(cp)) {
                out = LookAlikes.toCyrillic(cp);
            } else if (toLatin && !(cp < 0x80 && Character.isLetter(cp))) {
                out = LookAlikes.toLatin(cp);
            }
            disguised |= out != cp;
            resolved.appendCodePoint(out);
        }
        String canonical = UCharacter.foldCase(resolved.toString(), true);
        return new Token(
                TokenKind.WORD, start, end, text.substring(start, end), canonical, MatchKeys.of(canonical), disguised);
    }

    /** Joins runs of single letters separated by one space, dot, hyphen or underscore into one word. */
    private static List<Token> joinSpacedLetters(String text, List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size()
                    && isSingleLetter(tokens.get(j))
                    && (j == i
                            || isLetterSpacing(
                                    text, tokens.get(j - 1).end(), tokens.get(j).start()))) {
                j++;
            }
            if (j - i >= MIN_SPACED_LETTERS) {
                Token first = tokens.get(i);
                Token last = tokens.get(j - 1);
                StringBuilder letters = new StringBuilder();
                for (int k = i; k < j; k++) {
                    letters.append(tokens.get(k).original());
                }
                Token joined = word(letters.toString(), 0, letters.length(), visibleCodePoints(letters.toString()));
                out.add(new Token(
                        TokenKind.WORD,
                        first.start(),
                        last.end(),
                        text.substring(first.start(), last.end()),
                        joined.canonical(),
                        joined.key(),
                        true));
                i = j;
            } else {
                out.add(tokens.get(i));
                i++;
            }
        }
        return out;
    }

    private static boolean isSingleLetter(Token token) {
        return token.kind() == TokenKind.WORD
                && token.original().codePointCount(0, token.original().length()) == 1;
    }

    private static boolean isLetterSpacing(String text, int from, int to) {
        if (to - from != 1) {
            return false;
        }
        char c = text.charAt(from);
        return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*';
    }
}

package kz.qorgau.signals.text;

import java.util.List;
import java.util.Objects;

/**
 * A text split into normalised {@link Token}s that remember where they came from, so that a match
 * on the normalised form can always be quoted in the original words.
 *
 * @param original the text as given
 * @param tokens its words, numbers and emoji in order (punctuation and spaces are not tokens; see
 *     {@link #gapBefore(int)})
 */
public record NormalizedText(String original, List<Token> tokens) {

    /** Copies the token list. */
    public NormalizedText {
        Objects.requireNonNull(original, "original");
        tokens = List.copyOf(tokens);
    }

    /** Number of tokens. */
    public int size() {
        return tokens.size();
    }

    /** The token at {@code index}. */
    public Token token(int index) {
        return tokens.get(index);
    }

    /**
     * The original characters between token {@code index - 1} and token {@code index} (from the start
     * of the text for index 0; after the last token for index {@link #size()}).
     */
    public String gapBefore(int index) {
        int from = index == 0 ? 0 : tokens.get(index - 1).end();
        int to = index == tokens.size() ? original.length() : tokens.get(index).start();
        return original.substring(from, to);
    }

    /** The original text from the start of token {@code first} to the end of token {@code last}. */
    public TextSpan span(int first, int last) {
        if (first < 0 || last < first || last >= tokens.size()) {
            throw new IndexOutOfBoundsException(
                    "token range " + first + ".." + last + " outside 0.." + (tokens.size() - 1));
        }
        return TextSpan.of(original, tokens.get(first).start(), tokens.get(last).end());
    }
}

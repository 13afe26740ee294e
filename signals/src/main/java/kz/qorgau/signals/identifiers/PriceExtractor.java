package kz.qorgau.signals.identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.qorgau.signals.text.NormalizedText;
import kz.qorgau.signals.text.TextNormalizer;
import kz.qorgau.signals.text.Token;
import kz.qorgau.signals.text.TokenKind;
import org.jspecify.annotations.Nullable;

/**
 * Prices: a number (with thousands groups, {@code 10 000}, and multipliers, {@code 20к},
 * {@code 15 тыс}) next to a currency word or sign ({@code тг}, {@code тенге}, {@code теңге},
 * {@code ₸}, {@code $}, {@code руб}, {@code €}). A number without a currency is not read as a price:
 * too many other numbers look the same. Time O(tokens).
 */
final class PriceExtractor {

    private static final long MAX_AMOUNT = 1_000_000_000L;

    private static final Map<String, String> CURRENCY_WORDS = Stream.of(
                    Map.entry("тг", "KZT"),
                    Map.entry("тенге", "KZT"),
                    Map.entry("теңге", "KZT"),
                    Map.entry("tenge", "KZT"),
                    Map.entry("kzt", "KZT"),
                    Map.entry("usd", "USD"),
                    Map.entry("доллар", "USD"),
                    Map.entry("долларов", "USD"),
                    Map.entry("долл", "USD"),
                    Map.entry("dollars", "USD"),
                    Map.entry("dollar", "USD"),
                    Map.entry("руб", "RUB"),
                    Map.entry("рублей", "RUB"),
                    Map.entry("rub", "RUB"),
                    Map.entry("eur", "EUR"),
                    Map.entry("евро", "EUR"),
                    Map.entry("euro", "EUR"))
            .collect(Collectors.toUnmodifiableMap(
                    e -> TextNormalizer.key(e.getKey()), Map.Entry::getValue, (a, b) -> a));
    private static final Set<String> THOUSANDS = Set.copyOf(Stream.of("к", "k", "тыс", "тысяч", "тысячи", "мың")
            .map(TextNormalizer::key)
            .toList());

    List<PriceMention> extract(NormalizedText text, boolean[] claimed) {
        List<PriceMention> out = new ArrayList<>();
        List<Token> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (claimed[i] || t.kind() != TokenKind.NUMBER || t.disguised() || t.numberValue() <= 0) {
                continue;
            }
            long amount = t.numberValue();
            int last = i;
            while (last + 1 < tokens.size()
                    && !claimed[last + 1]
                    && tokens.get(last + 1).kind() == TokenKind.NUMBER
                    && tokens.get(last + 1).canonical().length() == 3
                    && isThousandsSeparator(text.gapBefore(last + 1))
                    && amount < MAX_AMOUNT) {
                last++;
                amount = amount * 1000 + tokens.get(last).numberValue();
            }
            if (last + 1 < tokens.size()
                    && THOUSANDS.contains(tokens.get(last + 1).key())
                    && text.gapBefore(last + 1).isBlank()) {
                last++;
                amount *= 1000;
            }
            String currency = currencySign(text.gapBefore(i), true);
            int end = last;
            if (currency == null) {
                currency = currencySign(text.gapBefore(last + 1), false);
            }
            if (currency == null
                    && last + 1 < tokens.size()
                    && text.gapBefore(last + 1).isBlank()) {
                currency = CURRENCY_WORDS.get(tokens.get(last + 1).key());
                if (currency != null) {
                    end = last + 1;
                }
            }
            if (currency != null && amount > 0 && amount <= MAX_AMOUNT) {
                int startChar = tokens.get(i).start();
                int endChar = tokens.get(end).end();
                String sign = currencySign(text.gapBefore(last + 1), false);
                if (sign != null && end == last) {
                    endChar += text.gapBefore(last + 1).indexOf(signChar(text.gapBefore(last + 1))) + 1;
                }
                String before = text.gapBefore(i);
                if (currencySign(before, true) != null) {
                    startChar -= before.length() - before.lastIndexOf(signChar(before));
                }
                out.add(new PriceMention(
                        amount, currency, kz.qorgau.signals.text.TextSpan.of(text.original(), startChar, endChar)));
            }
            i = end;
        }
        return out;
    }

    private static boolean isThousandsSeparator(String gap) {
        return gap.equals(" ")
                || gap.equals(".")
                || gap.equals(",")
                || gap.equals("\u00A0")
                || gap.equals("\u202F")
                || gap.equals("'");
    }

    /** The currency of a sign right next to the number ({@code $100}, {@code 5000₸}), or null. */
    private static @Nullable String currencySign(String gap, boolean before) {
        String g = gap.strip();
        if (g.isEmpty()) {
            return null;
        }
        char c = before ? g.charAt(g.length() - 1) : g.charAt(0);
        return switch (c) {
            case '₸' -> "KZT";
            case '$' -> "USD";
            case '₽' -> "RUB";
            case '€' -> "EUR";
            default -> null;
        };
    }

    private static char signChar(String gap) {
        for (char c : gap.toCharArray()) {
            if (c == '₸' || c == '$' || c == '₽' || c == '€') {
                return c;
            }
        }
        return ' ';
    }
}

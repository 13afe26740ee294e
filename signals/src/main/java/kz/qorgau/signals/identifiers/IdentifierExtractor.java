package kz.qorgau.signals.identifiers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.qorgau.signals.text.NormalizedText;
import kz.qorgau.signals.text.TextNormalizer;
import kz.qorgau.signals.text.TextSpan;
import kz.qorgau.signals.text.Token;

/**
 * Finds phone numbers, messenger handles, stated ages and prices in free text (an ad, a report's
 * narrative, a chat message). Phone numbers are found however they are hidden — split by spaces or
 * punctuation, spelled out in Russian, Kazakh or English words, written with look-alike letters or
 * other Unicode digits, or given as a WhatsApp or Telegram link — and normalised to E.164 with
 * libphonenumber.
 *
 * <p>Thread-safe and stateless. Time O(length of the text); the caller limits the text's size.
 */
public final class IdentifierExtractor {

    private static final Map<String, IdentifierExtractor> BY_REGION = new ConcurrentHashMap<>();

    private final ContactLinkExtractor links;
    private final PhoneExtractor phones;
    private final AgeExtractor ages = new AgeExtractor();
    private final PriceExtractor prices = new PriceExtractor();

    private IdentifierExtractor(String region) {
        this.links = new ContactLinkExtractor(region);
        this.phones = new PhoneExtractor(region);
    }

    /** The extractor reading national phone numbers as Kazakh ({@link PhoneNumbers#DEFAULT_REGION}). */
    public static IdentifierExtractor standard() {
        return forRegion(PhoneNumbers.DEFAULT_REGION);
    }

    /**
     * The extractor reading national phone numbers in {@code region}.
     *
     * @param region ISO 3166 two-letter code, e.g. {@code "KZ"}
     * @throws IllegalArgumentException if libphonenumber does not know the region
     */
    public static IdentifierExtractor forRegion(String region) {
        PhoneNumbers.requireRegion(region);
        return BY_REGION.computeIfAbsent(region, IdentifierExtractor::new);
    }

    /** Everything found in a text. */
    public Identifiers extract(String text) {
        return extract(TextNormalizer.standard().normalize(Objects.requireNonNull(text, "text")));
    }

    /** Everything found in an already normalised text (saves normalising twice). */
    public Identifiers extract(NormalizedText text) {
        ContactLinkExtractor.Found linked = links.extract(text);
        List<Token> tokens = text.tokens();
        boolean[] claimed = new boolean[tokens.size()];
        for (TextSpan span : linked.claimed()) {
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.start() < span.end() && span.start() < t.end()) {
                    claimed[i] = true;
                }
            }
        }
        List<PhoneMention> phoneMentions = new ArrayList<>(linked.phones());
        for (PhoneExtractor.Found found : phones.extract(text, claimed)) {
            phoneMentions.add(found.mention());
            for (int i = found.firstToken(); i <= found.lastToken(); i++) {
                claimed[i] = true;
            }
        }
        List<AgeMention> ageMentions = ages.extract(text, claimed);
        List<PriceMention> priceMentions = prices.extract(text, claimed);
        return new Identifiers(
                distinctInOrder(
                        phoneMentions, PhoneMention::e164, m -> m.evidence().start()),
                distinctInOrder(
                        linked.handles(),
                        HandleMention::handle,
                        m -> m.evidence().start()),
                distinctInOrder(ageMentions, AgeMention::age, m -> m.evidence().start()),
                priceMentions);
    }

    private static <T, K> List<T> distinctInOrder(
            List<T> items, java.util.function.Function<T, K> key, java.util.function.ToIntFunction<T> position) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(position));
        Set<K> seen = new HashSet<>();
        List<T> out = new ArrayList<>();
        for (T item : sorted) {
            if (seen.add(key.apply(item))) {
                out.add(item);
            }
        }
        return out;
    }
}

package kz.qorgau.signals.identifiers;

import java.util.List;

/**
 * Everything {@link IdentifierExtractor} found in one text, each with its evidence, in order of
 * appearance, one mention per distinct value (the first).
 *
 * @param phones phone numbers
 * @param handles messenger handles
 * @param ages stated ages
 * @param prices prices
 */
public record Identifiers(
        List<PhoneMention> phones, List<HandleMention> handles, List<AgeMention> ages, List<PriceMention> prices) {

    /** Nothing found. */
    public static final Identifiers NONE = new Identifiers(List.of(), List.of(), List.of(), List.of());

    /** Copies the lists. */
    public Identifiers {
        phones = List.copyOf(phones);
        handles = List.copyOf(handles);
        ages = List.copyOf(ages);
        prices = List.copyOf(prices);
    }

    /** The distinct phone numbers in E.164 form. */
    public List<String> phoneNumbers() {
        return phones.stream().map(PhoneMention::e164).toList();
    }

    /** The distinct handles ({@code @name}). */
    public List<String> handleNames() {
        return handles.stream().map(HandleMention::handle).toList();
    }

    /** The distinct stated ages. */
    public List<Integer> ageValues() {
        return ages.stream().map(AgeMention::age).toList();
    }
}

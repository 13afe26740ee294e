package kz.qorgau.signals.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class PriceExtractionTest {

    @Test
    void pricesWithCurrencyWordsSignsThousandsAndMultipliers() {
        assertThat(IdentifierExtractor.standard()
                        .extract("час 15 000 тг, ночь 50к тенге, 20 тыс теңге, $100, 5000₸")
                        .prices())
                .extracting(PriceMention::amount, PriceMention::currency)
                .containsExactly(
                        tuple(15_000L, "KZT"),
                        tuple(50_000L, "KZT"),
                        tuple(20_000L, "KZT"),
                        tuple(100L, "USD"),
                        tuple(5_000L, "KZT"));
    }

    @Test
    void numbersWithoutACurrencyAreNotPrices() {
        assertThat(IdentifierExtractor.standard()
                        .extract("рост 165, 24/7, мне 22")
                        .prices())
                .isEmpty();
    }
}

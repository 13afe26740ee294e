package kz.qorgau.signals.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private static List<String> found(PhraseMatcher<String> matcher, String text) {
        return matcher.findAll(TextNormalizer.standard().normalize(text)).stream()
                .map(m -> m.payload() + "=" + m.evidence().quote())
                .toList();
    }

    @Test
    void aPrefixMatchesEveryEndingInEitherAlphabet() {
        PhraseMatcher<String> m =
                PhraseMatcher.<String>builder().add("школьниц*", "school").build();
        assertThat(found(m, "Школьницу, shkolnitsy и шк0льница"))
                .containsExactly("school=Школьницу", "school=shkolnitsy", "school=шк0льница");
    }

    @Test
    void aNumberRangeMatchesOnlyNumbersInIt() {
        PhraseMatcher<String> m =
                PhraseMatcher.<String>builder().add("{1-11} класс*", "grade").build();
        assertThat(found(m, "9 класс, 12 классов, 5–11 классы")).containsExactly("grade=9 класс", "grade=11 классы");
    }

    @Test
    void aNumberTakesAnOrdinalEndingWrittenAgainstIt() {
        PhraseMatcher<String> m = PhraseMatcher.<String>builder()
                .add("{1-11} класс*", "ru")
                .add("{1-12} grade", "en")
                .add("{1-11} сынып*", "kk")
                .build();
        assertThat(found(m, "9-го класса, 10th grade, 9-шы сынып"))
                .containsExactly("ru=9-го класса", "en=10th grade", "kk=9-шы сынып");
    }

    @Test
    void punctuationInsideAPhraseIsIgnored() {
        PhraseMatcher<String> m =
                PhraseMatcher.<String>builder().add("{n} y.o.", "age").build();
        assertThat(found(m, "Angel. 16 y.o.. call")).containsExactly("age=16 y.o");
    }

    @Test
    void emojiMatchInAnyVariant() {
        PhraseMatcher<String> m =
                PhraseMatcher.<String>builder().add("❤️", "heart").build();
        assertThat(found(m, "❤ and ❤️")).hasSize(2);
    }

    @Test
    void aTooShortPrefixIsRejectedWithTheFix() {
        assertThatThrownBy(() -> PhraseMatcher.<String>builder().add("юн*", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3 letters");
    }

    @Test
    void aMalformedRangeIsRejectedWithTheFix() {
        assertThatThrownBy(() -> PhraseMatcher.<String>builder().add("{11-1} класс", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smaller number first");
    }
}

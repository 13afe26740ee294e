package kz.qorgau.signals.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgeExtractionTest {

    private static List<Integer> ages(String text) {
        return IdentifierExtractor.standard().extract(text).ageValues();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Соня. 16 лет. Компания на вечер|16",
                "Камила. мне 17. пиши|17",
                "Мадина. возраст 24. звони|24",
                "мне 21 год|21",
                "Айгерім. 16 жаста. хабарлас|16",
                "Аружан. жасым 20. жаз|20",
                "Ақбота. жаңа ғана 18 толды.|18",
                "Angel. 16 y.o.. text me|16",
                "Aya. I am 22. call|22",
                "Madina. age 20.|20",
                "Vika. just turned 18.|18",
                "Айя. только исполнилось 18.|18",
                "Карина. молоденькая, 18. звони|18",
                "Laura. young and fresh, 18. call|18",
                "мне шестнадцать лет|16",
                "он алты жаста|16",
                "seventeen y.o.|17"
            })
    void statedAgesInRussianKazakhAndEnglish(String text, int age) {
        assertThat(ages(text)).containsExactly(age);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ищу няню для ребёнка 6 лет, Кызылорда",
                "Looking for a babysitter for a 6-year-old, Karaganda",
                "Продам школьную форму для девочки, 10-11 лет",
                "девушки от 18 лет",
                "опыт работы 10 лет",
                "5 years ago",
                "строго 18+",
                "звонить после 18:00, 20:00-ден таңға дейін",
                "ученица 9 класса"
            })
    void agesOfOthersRangesBoundsDurationsAndTimesAreNotStatedAges(String text) {
        assertThat(ages(text)).isEmpty();
    }
}

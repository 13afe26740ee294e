package kz.qorgau.signals.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every family of phone-number disguise, in Russian, Kazakh and English where words are involved. */
class PhoneExtractionTest {

    private static List<String> phones(String text) {
        return IdentifierExtractor.standard().extract(text).phoneNumbers();
    }

    private static PhoneMention only(String text) {
        List<PhoneMention> found = IdentifierExtractor.standard().extract(text).phones();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Nested
    @DisplayName("usual formats")
    class UsualFormats {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "звони 8-777-887-4765",
                    "звони 8(777)887-47-65",
                    "звони 8 (777) 887-47-65",
                    "звони 8.777.887.47.65",
                    "звони +7 777 887 47 65",
                    "звони +77778874765",
                    "звони 87778874765",
                    "звони 7778874765"
                })
        void areReadAsKazakhNumbers(String text) {
            PhoneMention p = only(text);
            assertThat(p.e164()).isEqualTo("+77778874765");
            assertThat(p.disguises()).isEmpty();
        }

        @Test
        void evidenceQuotesTheOriginalWords() {
            assertThat(only("тел: 8 (777) 887-47-65, после 18:00").evidence().quote())
                    .isEqualTo("8 (777) 887-47-65");
        }
    }

    @Nested
    @DisplayName("split digits")
    class SplitDigits {
        @Test
        void digitsSeparatedBySpacesAreJoined() {
            PhoneMention p = only("пиши в ватсап: 8 7 7 7 8 1 7 3 6 0 3");
            assertThat(p.e164()).isEqualTo("+77778173603");
            assertThat(p.disguises()).containsExactly(PhoneDisguise.SPLIT_DIGITS);
        }

        @Test
        void twoNumbersSeparatedBySlashStayTwo() {
            assertThat(phones("8.707.039.60.43 / 8 7 0 0 2 0 4 8 7 0 1"))
                    .containsExactly("+77070396043", "+77002048701");
        }

        @Test
        void twoNumbersWrittenOneAfterTheOtherAreCutApart() {
            assertThat(phones("8 777 887 47 65 8 701 234 56 78")).containsExactly("+77778874765", "+77012345678");
        }
    }

    @Nested
    @DisplayName("spelled out")
    class SpelledOut {
        @Test
        void russianWords() {
            PhoneMention p = only("звони: восемь семь семь один семь восемь девять три два восемь семь");
            assertThat(p.e164()).isEqualTo("+77717893287");
            assertThat(p.disguises()).contains(PhoneDisguise.SPELLED_OUT);
        }

        @Test
        void kazakhWordsInCyrillic() {
            assertThat(phones("телеграмға жазыңыз: сегіз жеті нөл нөл бес бес жеті үш сегіз сегіз жеті"))
                    .containsExactly("+77005573887");
        }

        @Test
        void kazakhWordsInLatin() {
            assertThat(phones("jaz: segiz jeti nól nól bes bes jeti úsh segiz segiz jeti"))
                    .containsExactly("+77005573887");
        }

        @Test
        void englishWords() {
            assertThat(phones("call or text: eight seven seven one five five eight three eight five nine"))
                    .containsExactly("+77715583859");
        }

        @Test
        void wordsMixedWithDigits() {
            assertThat(phones("пиши: 8 семь 0 восемь три 7 семь 3 8 два 4")).containsExactly("+77083773824");
            assertThat(phones("жаз: 8 7 7 бес 2 бес 7 7 үш бес 6")).containsExactly("+77752577356");
            assertThat(phones("text me: 8 seven 0 7 2 five 1 9 0 0 9")).containsExactly("+77072519009");
        }

        @Test
        void compoundNumberWords() {
            assertThat(phones("восемь семьсот семьдесят семь сто двадцать три сорок пять шестьдесят семь"))
                    .containsExactly("+77771234567");
            assertThat(phones("сегіз жеті жүз жетпіс жеті жүз жиырма үш қырық бес алпыс жеті"))
                    .containsExactly("+77771234567");
        }

        @Test
        void numberWordsWithLookAlikeLetters() {
            assertThat(phones("вoсемь семь семь семь 887 47 65")).containsExactly("+77778874765"); // Latin o
        }
    }

    @Nested
    @DisplayName("look-alike characters")
    class LookAlikeCharacters {
        @Test
        void lettersForDigitsInOneWord() {
            PhoneMention p = only("пиши в ватсап: В77509б7929");
            assertThat(p.e164()).isEqualTo("+77750967929");
            assertThat(p.disguises()).contains(PhoneDisguise.LOOK_ALIKE_CHARACTERS);
        }

        @Test
        void mostlyLetters() {
            assertThat(phones("write on Telegram: 877IЗО02Ч58 / 87o1Ч3ЗОl4б"))
                    .containsExactly("+77713002458", "+77014330146");
        }

        @Test
        void singleLookAlikeLettersBetweenSpacedDigits() {
            assertThat(phones("8 7 О 7 1 2 3 4 5 6 7")).containsExactly("+77071234567");
        }

        @Test
        void aPrepositionBeforeANumberIsNotADigit() {
            assertThat(phones("пиши в 8 777 887 47 65 в любое время")).containsExactly("+77778874765");
        }
    }

    @Nested
    @DisplayName("other Unicode digits")
    class UnicodeDigits {
        @Test
        void fullWidthDigits() {
            PhoneMention p = only("８７７７８８７４７６５");
            assertThat(p.e164()).isEqualTo("+77778874765");
            assertThat(p.disguises()).contains(PhoneDisguise.UNICODE_DIGITS);
        }

        @Test
        void keycapAndCircledDigits() {
            assertThat(phones("8️⃣7️⃣7️⃣7️⃣8️⃣8️⃣7️⃣4️⃣7️⃣6️⃣5️⃣")).containsExactly("+77778874765");
            assertThat(phones("⑧⑦⑦⑦⑧⑧⑦④⑦⑥⑤")).containsExactly("+77778874765");
        }
    }

    @Nested
    @DisplayName("messenger links")
    class MessengerLinks {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "пиши в ватсап: wa.me/77778874765",
                    "https://wa.me/77778874765?text=hi",
                    "api.whatsapp.com/send?phone=77778874765",
                    "t.me/+77778874765"
                })
        void giveTheirNumber(String text) {
            PhoneMention p = only(text);
            assertThat(p.e164()).isEqualTo("+77778874765");
            assertThat(p.disguises()).containsExactly(PhoneDisguise.MESSENGER_LINK);
        }
    }

    @Nested
    @DisplayName("not phone numbers")
    class NotPhoneNumbers {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "звонить после 18:00, с 20:00 до утра, 24/7",
                    "12.05.2026 в 18:30",
                    "цена 15 000 тг, 20к за ночь",
                    "tg @night_2133 @kz_87771234",
                    "рост 165, вес 50, мне 22",
                    "8 777 123"
                })
        void areNotRead(String text) {
            assertThat(phones(text)).isEmpty();
        }
    }
}

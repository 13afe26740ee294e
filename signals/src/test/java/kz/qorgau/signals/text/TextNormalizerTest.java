package kz.qorgau.signals.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private static List<Token> tokens(String text) {
        return TextNormalizer.standard().normalize(text).tokens();
    }

    private static List<String> canonical(String text) {
        return tokens(text).stream().map(Token::canonical).toList();
    }

    @Nested
    @DisplayName("Unicode forms")
    class UnicodeForms {
        @Test
        void fullWidthAndMathematicalLettersAndDigitsBecomePlain() {
            assertThat(canonical("ＳＣＨＯＯＬ ８７７ 𝟖𝟕𝟕")).containsExactly("school", "877", "877");
        }

        @Test
        void circledAndKeycapDigitsAreDigits() {
            assertThat(tokens("①②③ 8️⃣7️⃣7️⃣"))
                    .extracting(Token::kind, Token::canonical)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(TokenKind.NUMBER, "123"),
                            org.assertj.core.groups.Tuple.tuple(TokenKind.NUMBER, "877"));
        }

        @Test
        void invisibleCharactersInsideAWordAreRemovedAndTheWordStaysWhole() {
            assertThat(canonical("шк\u200Bоль\u00ADница")).containsExactly("школьница");
        }

        @Test
        void caseIsFolded() {
            assertThat(canonical("ШКОЛЬНИЦА SchoolGirl")).containsExactly("школьница", "schoolgirl");
        }
    }

    @Nested
    @DisplayName("look-alike characters")
    class LookAlikeCharacters {
        @Test
        void latinLettersInACyrillicWordBecomeCyrillic() {
            Token t = tokens("шкoльницa").get(0); // Latin o and a
            assertThat(t.canonical()).isEqualTo("школьница");
            assertThat(t.disguised()).isTrue();
        }

        @Test
        void cyrillicLettersInALatinWordBecomeLatin() {
            assertThat(canonical("sсhооlgirl")).containsExactly("schoolgirl"); // Cyrillic с and о
        }

        @Test
        void digitsInsideWordsAreReadAsLetters() {
            assertThat(canonical("sch00lgirl шк0льница t33n")).containsExactly("schoolgirl", "школьница", "teen");
        }

        @Test
        void lettersInsideANumberAreReadAsDigits() {
            assertThat(tokens("В77509б7929 87o1Ч3ЗОl4б"))
                    .extracting(Token::kind, Token::canonical, Token::disguised)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(TokenKind.NUMBER, "87750967929", true),
                            org.assertj.core.groups.Tuple.tuple(TokenKind.NUMBER, "87014330146", true));
        }

        @Test
        void aWordOfOnlyLookAlikeLettersStaysAWord() {
            assertThat(tokens("ВОЗ")).extracting(Token::kind).containsExactly(TokenKind.WORD);
        }

        @Test
        void numbersGluedToWordsAreSplitNotReadAsLetters() {
            assertThat(canonical("мне16 20к 9th")).containsExactly("мне", "16", "20", "к", "9", "th");
        }

        @Test
        void greekLettersThatLookLatinAreReadAsLatin() {
            assertThat(canonical("sοn")).containsExactly("son"); // Greek omicron
        }

        @Test
        void lettersSpacedApartAreJoined() {
            List<Token> t = tokens("Я — ш к о л ь н и ц а");
            assertThat(t).extracting(Token::canonical).containsExactly("я", "школьница");
            assertThat(t.get(1).original()).isEqualTo("ш к о л ь н и ц а");
            assertThat(t.get(1).disguised()).isTrue();
        }
    }

    @Nested
    @DisplayName("match keys across alphabets")
    class MatchKeys {
        @Test
        void cyrillicAndLatinSpellingsOfARussianWordShareAKey() {
            assertThat(TextNormalizer.key("школьница")).isEqualTo(TextNormalizer.key("shkolnitsa"));
        }

        @Test
        void kazakhCyrillicAndKazakhLatinShareAKey() {
            assertThat(TextNormalizer.key("оқушы қыз")).isEqualTo(TextNormalizer.key("oqushy qyz"));
            assertThat(TextNormalizer.key("жаста")).isEqualTo(TextNormalizer.key("jasta"));
        }

        @Test
        void kazakhLettersAreKeptDistinctFromEachOtherWhereTheyMatter() {
            assertThat(TextNormalizer.key("Әсел")).isEqualTo("asel");
            assertThat(TextNormalizer.key("қыз")).isNotEqualTo(TextNormalizer.key("сыз"));
        }

        @Test
        void keysAreAsciiLettersAndDigits() {
            assertThat(TextNormalizer.key("Ақтөбе Нұрай ғ ң ү")).matches("[a-z0-9 ]+");
        }
    }

    @Test
    void emojiAreTokensWithoutVariationSelectorsOrSkinTones() {
        assertThat(tokens("❤️ 👧🏽 🍒"))
                .extracting(Token::kind, Token::canonical)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TokenKind.EMOJI, "❤"),
                        org.assertj.core.groups.Tuple.tuple(TokenKind.EMOJI, "👧"),
                        org.assertj.core.groups.Tuple.tuple(TokenKind.EMOJI, "🍒"));
    }

    @Test
    void tokensKeepTheirOffsetsIntoTheOriginalText() {
        String text = "Айя. ＳＣＨＯＯＬ, 9-сынып 🍒";
        NormalizedText n = TextNormalizer.standard().normalize(text);
        for (Token t : n.tokens()) {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.original());
        }
        assertThat(n.span(2, 3).quote()).isEqualTo("9-сынып");
        assertThat(n.gapBefore(3)).isEqualTo("-");
    }

    @Test
    void foldIsNfkcWithCaseFoldingAndNoLookAlikeResolution() {
        assertThat(TextNormalizer.fold("Ｒose_\u200B44")).isEqualTo("rose_44");
        assertThat(TextNormalizer.fold("шкoла")).isEqualTo("шкoла");
    }
}

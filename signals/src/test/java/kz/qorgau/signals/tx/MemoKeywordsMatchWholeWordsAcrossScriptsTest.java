package kz.qorgau.signals.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class MemoKeywordsMatchWholeWordsAcrossScriptsTest {

    private final MemoKeywords keywords =
            MemoKeywords.parse(new StringReader("за ночь\nмалолетк*\nescort*\nтүнге\nёлка\n"), "test");

    @Test
    void caseAndPunctuationAreIgnored() {
        assertThat(keywords.matches("ЗА НОЧЬ!!!")).containsExactly("за ночь");
        assertThat(keywords.matches("за-ночь")).containsExactly("за ночь");
    }

    @Test
    void latinLookAlikesInsideCyrillicWordsStillMatch() {
        // 'о' and 'а' below are Latin letters
        assertThat(keywords.matches("зa нoчь")).containsExactly("за ночь");
    }

    @Test
    void aTrailingStarMatchesWordEndings() {
        assertThat(keywords.matches("малолетку")).containsExactly("малолетк*");
        assertThat(keywords.matches("Escorts in town")).containsExactly("escort*");
    }

    @Test
    void wordsAreMatchedWholeNotInsideOtherWords() {
        assertThat(keywords.matches("заночьёвка")).isEmpty();
        assertThat(keywords.matches("deescort")).isEmpty();
    }

    @Test
    void kazakhLettersAndYoMatch() {
        assertThat(keywords.matches("Түнге")).containsExactly("түнге");
        assertThat(keywords.matches("елка")).containsExactly("ёлка");
    }

    @Test
    void theShippedListHasRussianKazakhAndEnglishKeywords() {
        MemoKeywords shipped = ScreeningRules.defaults().memoKeywords();

        assertThat(shipped.matches("за ночь")).isNotEmpty();
        assertThat(shipped.matches("бір түнге")).isNotEmpty();
        assertThat(shipped.matches("overnight")).isNotEmpty();
        assertThat(shipped.matches("за урок")).isEmpty();
    }

    @Test
    void aPhraseWithoutLettersIsRefusedWithItsLine() {
        assertThatThrownBy(() -> MemoKeywords.parse(new StringReader("ok\n*\n"), "bad.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.txt:2");
    }
}

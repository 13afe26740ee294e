package kz.qorgau.signals.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class HandleExtractionTest {

    private static List<HandleMention> handles(String text) {
        return IdentifierExtractor.standard().extract(text).handles();
    }

    @Test
    void telegramHandlesAfterTheirLabelInEveryLanguage() {
        assertThat(handles("tg @qz_6787, Telegram @rose_4531, телеграм: @Night_2133"))
                .extracting(HandleMention::messenger, HandleMention::handle)
                .containsExactly(
                        tuple(Messenger.TELEGRAM, "@qz_6787"),
                        tuple(Messenger.TELEGRAM, "@rose_4531"),
                        tuple(Messenger.TELEGRAM, "@night_2133"));
    }

    @Test
    void evidenceIncludesTheLabel() {
        assertThat(handles("пиши tg @qz_6787").get(0).evidence().quote()).isEqualTo("tg @qz_6787");
    }

    @Test
    void linksGiveHandlesOfTheirService() {
        assertThat(handles("https://t.me/rose_44 и instagram.com/anna.bella/"))
                .extracting(HandleMention::messenger, HandleMention::handle)
                .containsExactly(tuple(Messenger.TELEGRAM, "@rose_44"), tuple(Messenger.INSTAGRAM, "@anna.bella"));
    }

    @Test
    void aHandleWithoutAtAfterALabel() {
        assertThat(handles("inst: anna.bella, tg - rose_4531"))
                .extracting(HandleMention::messenger, HandleMention::handle)
                .containsExactly(tuple(Messenger.INSTAGRAM, "@anna.bella"), tuple(Messenger.TELEGRAM, "@rose_4531"));
    }

    @Test
    void wordsAfterALabelAreNotHandles() {
        assertThat(handles("write on Telegram: eight seven seven one five, Telegram: please"))
                .isEmpty();
    }

    @Test
    void cyrillicLettersThatLookLatinAreReadAsLatin() {
        assertThat(handles("tg @rоsе_4531")).extracting(HandleMention::handle).containsExactly("@rose_4531");
    }

    @Test
    void anUnlabelledHandleHasAnUnknownService() {
        assertThat(handles("пиши @rose_4531"))
                .extracting(HandleMention::messenger)
                .containsExactly(Messenger.UNKNOWN);
    }

    @Test
    void emailAddressesAndNumbersAreNotHandles() {
        assertThat(handles("mail me at anna@mail.ru, price @5000")).isEmpty();
    }

    @Test
    void typedHandlesNormaliseToTheJoinKey() {
        assertThat(Handles.normalize("@Rose_4531")).contains("@rose_4531");
        assertThat(Handles.normalize("rose_4531")).contains("@rose_4531");
        assertThat(Handles.normalize("https://t.me/rose_4531")).contains("@rose_4531");
        assertThat(Handles.normalize("@ab")).isEmpty();
        assertThat(Handles.normalize("not a handle!")).isEmpty();
    }
}

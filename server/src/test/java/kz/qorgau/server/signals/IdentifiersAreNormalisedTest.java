package kz.qorgau.server.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a case worker types is normalised to the form signals carry, or refused with a hint. */
class IdentifiersAreNormalisedTest {

    @Test
    void phonesInAnyUsualFormBecomeE164() {
        assertThat(IdentifierKind.PHONE.normalise("8 (777) 675-37-37")).hasValue("+77776753737");
        assertThat(IdentifierKind.PHONE.normalise("+7 777 675 37 37")).hasValue("+77776753737");
        assertThat(IdentifierKind.PHONE.normalise("восемь семь семь семь шесть семь пять три семь три семь"))
                .hasValue("+77776753737");
        assertThat(IdentifierKind.PHONE.normalise("12")).isEmpty();
        assertThat(IdentifierKind.PHONE.hint()).contains("+7 777");
    }

    @Test
    void handlesBecomeTheirJoinKey() {
        assertThat(IdentifierKind.HANDLE.normalise("https://t.me/Rose_4531")).hasValue("@rose_4531");
        assertThat(IdentifierKind.HANDLE.normalise("@rose_4531")).hasValue("@rose_4531");
        assertThat(IdentifierKind.HANDLE.normalise("not a handle!")).isEmpty();
    }

    @Test
    void accountsLoseTheirSpacesAndCase() {
        assertThat(IdentifierKind.BANK_ACCOUNT.normalise("kz10 0000-0000 0000 0001"))
                .hasValue("KZ100000000000000001");
        assertThat(IdentifierKind.account("proxy:+77011234567")).hasValue("PROXY:+77011234567");
        assertThat(IdentifierKind.BANK_ACCOUNT.normalise("x")).isEmpty();
    }

    @Test
    void nicknamesNeedThreeLetters() {
        assertThat(IdentifierKind.NICKNAME.normalise(" Вика ")).hasValue("Вика");
        assertThat(IdentifierKind.NICKNAME.normalise("Ви")).isEmpty();
    }

    @Test
    void kindsAreReadByCodeOrName() {
        assertThat(IdentifierKind.fromCode("bank-account")).hasValue(IdentifierKind.BANK_ACCOUNT);
        assertThat(IdentifierKind.fromCode("STUDENT_ID")).hasValue(IdentifierKind.STUDENT_ID);
        assertThat(IdentifierKind.fromCode("email")).isEmpty();
    }
}

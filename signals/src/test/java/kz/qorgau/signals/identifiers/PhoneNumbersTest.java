package kz.qorgau.signals.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8 777 123 45 67",
                "8(777)1234567",
                "+7 777 123-45-67",
                "77771234567",
                "7771234567",
                "восемь 777 123 45 67",
                "В777I2З4567"
            })
    void typedFormsOfOneNumberGiveOneE164(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).contains("+77771234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "12345", "8 777 123", "not a number", "8 777 123 45 67 or 8 701 234 56 78"})
    void textThatIsNotExactlyOneValidNumberGivesNothing(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).isEmpty();
    }

    @Test
    void anotherRegionReadsNationalNumbersThere() {
        assertThat(PhoneNumbers.toE164("030 123456", "DE")).contains("+4930123456");
    }

    @Test
    void anUnknownRegionIsRejectedWithTheFix() {
        assertThatThrownBy(() -> PhoneNumbers.toE164("8 777 123 45 67", "XX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 3166");
    }

    @Test
    void e164FormIsRecognised() {
        assertThat(PhoneNumbers.isE164("+77771234567")).isTrue();
        assertThat(PhoneNumbers.isE164("87771234567")).isFalse();
    }
}

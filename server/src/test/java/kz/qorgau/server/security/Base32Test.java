package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Base32 against the test vectors of RFC 4648 section 10 (written without padding). */
class Base32Test {

    @ParameterizedTest(name = "''{0}'' is ''{1}''")
    @CsvSource({"'',''", "f,MY", "fo,MZXQ", "foo,MZXW6", "foob,MZXW6YQ", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI"})
    void theVectorsOfRfc4648(String text, String base32) {
        assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(base32);
        assertThat(new String(Base32.decode(base32), StandardCharsets.US_ASCII)).isEqualTo(text);
    }

    @Test
    void decodingIgnoresCaseSpacesAndPaddingAndRoundTripsRandomSecrets() {
        assertThat(new String(Base32.decode("mzxw 6ytb oi======"), StandardCharsets.US_ASCII))
                .isEqualTo("foobar");
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 100; i++) {
            byte[] secret = new byte[random.nextInt(40)];
            random.nextBytes(secret);
            assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
        }
    }

    @Test
    void aCharacterOutsideTheAlphabetIsRefused() {
        assertThatThrownBy(() -> Base32.decode("MZ1W")).hasMessageContaining("'1'");
    }
}

package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP against the test vectors of RFC 6238 (appendix B) and RFC 4226 (appendix D). */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "at {0} s: SHA-1 {1}, SHA-256 {2}, SHA-512 {3}")
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"
    })
    void theEightDigitCodesOfRfc6238AppendixB(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    @DisplayName("the six-digit HOTP values of RFC 4226 appendix D, counters 0 to 9")
    void theSixDigitValuesOfRfc4226AppendixD() {
        String[] expected = {
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"
        };
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(SHA1_SEED, counter)).as("counter %d", counter).isEqualTo(expected[counter]);
        }
    }

    @Test
    void aCodeMatchesItsOwnStepAndOneEitherSideButNoFurther() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step), now))
                .hasValue(step);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now))
                .hasValue(step - 1);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now))
                .hasValue(step + 1);
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now))
                .isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 2), now))
                .isEmpty();
    }

    @Test
    void spacesAreIgnoredAndAnythingButSixDigitsIsRefused() {
        Instant now = Instant.ofEpochSecond(59);
        String code = Totp.code(SHA1_SEED, Totp.step(now));
        assertThat(Totp.matchingStep(SHA1_SEED, code.substring(0, 3) + " " + code.substring(3), now))
                .isPresent();
        assertThat(Totp.matchingStep(SHA1_SEED, "", now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, "1234567", now)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, "12a456", now)).isEmpty();
    }

    @Test
    void anEnrolmentComputesWhatAnAppWithItsUriShows() {
        byte[] secret = SHA1_SEED;
        SecondFactor.Enrolment enrolment = new SecondFactor.Enrolment(Base32.encode(secret), "otpauth://totp/x");
        Instant at = Instant.ofEpochSecond(1_111_111_109);
        // RFC 6238's eight-digit 07081804 keeps its last six digits at six digits.
        assertThat(enrolment.codeAt(at)).isEqualTo("081804");
        assertThat(enrolment.grouped()).isEqualTo("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
    }
}

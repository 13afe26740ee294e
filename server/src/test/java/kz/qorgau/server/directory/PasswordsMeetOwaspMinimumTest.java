package kz.qorgau.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff passwords are Argon2id at or above OWASP's minimum (Password Storage Cheat Sheet: m = 19 MiB,
 * t = 2, p = 1), read back from a stored hash rather than from the constants.
 */
class PasswordsMeetOwaspMinimumTest {

    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$.+");
    private final PasswordEncoder encoder = new Passwords().passwordEncoder();

    @Test
    void aStoredHashIsArgon2idWithAtLeast19MiBTwoPassesAndOneLane() {
        String hash = encoder.encode("correct horse battery staple");
        Matcher m = PHC.matcher(hash);
        assertThat(m.matches()).as("PHC string of Argon2id: %s", hash).isTrue();
        int memoryKib = Integer.parseInt(m.group(1));
        int passes = Integer.parseInt(m.group(2));
        assertThat(memoryKib).isGreaterThanOrEqualTo(19 * 1024);
        assertThat(passes).isGreaterThanOrEqualTo(2);
        assertThat(Integer.parseInt(m.group(3))).isEqualTo(1);
        assertThat(encoder.matches("correct horse battery staple", hash)).isTrue();
        assertThat(encoder.matches("correct horse battery stapl", hash)).isFalse();
    }

    @Test
    void twoHashesOfOnePasswordDifferAndAWeakerOldHashAsksToBeUpgraded() {
        assertThat(encoder.encode("same password")).isNotEqualTo(encoder.encode("same password"));
        String weaker = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 4096, 1)
                .encode("old password");
        assertThat(encoder.upgradeEncoding(weaker)).isTrue();
        assertThat(encoder.upgradeEncoding(encoder.encode("new password"))).isFalse();
    }
}

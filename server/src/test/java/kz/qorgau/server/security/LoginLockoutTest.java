package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginLockoutTest {

    private final SecuritySettings.Login settings = TestSettings.defaults().login();

    @Test
    void fiveFailuresAreFreeThenTheLockoutDoublesUpToFifteenMinutes() {
        for (int failures = 1; failures < 5; failures++) {
            assertThat(LoginThrottle.lockout(failures, settings))
                    .as("failure %d", failures)
                    .isNull();
        }
        assertThat(LoginThrottle.lockout(5, settings)).isEqualTo(Duration.ofMinutes(1));
        assertThat(LoginThrottle.lockout(6, settings)).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoginThrottle.lockout(7, settings)).isEqualTo(Duration.ofMinutes(4));
        assertThat(LoginThrottle.lockout(8, settings)).isEqualTo(Duration.ofMinutes(8));
        assertThat(LoginThrottle.lockout(9, settings)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.lockout(1_000_000, settings)).isEqualTo(Duration.ofMinutes(15));
    }
}

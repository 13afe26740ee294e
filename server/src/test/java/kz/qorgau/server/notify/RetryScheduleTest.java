package kz.qorgau.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Waits between attempts double from the first and stop growing at the cap; bad settings fail fast. */
class RetryScheduleTest {

    static NotifySettings settings(Duration first, Duration max, int attempts, Duration lease) {
        return new NotifySettings(
                true,
                Duration.ofSeconds(5),
                20,
                attempts,
                first,
                max,
                lease,
                new NotifySettings.Mail("Qorgau <no-reply@localhost>", List.of("kk", "ru", "en")),
                new NotifySettings.Webhook(Duration.ofSeconds(5), Duration.ofSeconds(10), 10));
    }

    @Test
    void theDefaultScheduleDoublesFromThirtySecondsUpToAnHour() {
        NotifySettings defaults = settings(Duration.ofSeconds(30), Duration.ofHours(1), 12, Duration.ofMinutes(5));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 8, 11).stream()
                        .map(defaults::retryAfter)
                        .toList())
                .containsExactly(
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(8),
                        Duration.ofMinutes(16),
                        Duration.ofMinutes(32),
                        Duration.ofHours(1),
                        Duration.ofHours(1));
    }

    @Test
    void aHugeAttemptCountDoesNotOverflow() {
        NotifySettings defaults = settings(Duration.ofSeconds(30), Duration.ofHours(1), 100, Duration.ofMinutes(5));
        assertThat(defaults.retryAfter(100)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aLeaseShorterThanTheLongestSendIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(Duration.ofSeconds(30), Duration.ofHours(1), 12, Duration.ofSeconds(20)))
                .withMessageContaining("claim-lease");
    }

    @Test
    void aCapBelowTheFirstWaitIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings(Duration.ofMinutes(5), Duration.ofMinutes(1), 12, Duration.ofMinutes(5)))
                .withMessageContaining("max-retry-interval");
    }

    @Test
    void anUnknownMailLanguageIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NotifySettings.Mail("no-reply@localhost", List.of("kk", "de")))
                .withMessageContaining("kk, ru, en");
    }
}

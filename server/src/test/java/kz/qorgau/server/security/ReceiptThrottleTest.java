package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Wrong receipts are throttled per third of the receipt and by a global budget, without knowing who
 * presents them.
 */
class ReceiptThrottleTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private final TestSettings.MovableClock clock =
            new TestSettings.MovableClock(Instant.parse("2027-03-02T05:00:00Z"));
    private final ReceiptThrottle throttle = new ReceiptThrottle(TestSettings.defaults(), new SecurityTime(clock));
    private final Random random = new Random(6238);

    private String receipt() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return out.toString();
    }

    private boolean presentWrong(String receipt) {
        ReceiptThrottle.Decision decision = throttle.before(receipt);
        if (decision instanceof ReceiptThrottle.Proceed proceed) {
            throttle.wrong(proceed);
            return true;
        }
        return false;
    }

    @Test
    void guessingTheLastThirdOfAReceiptIsRefusedAfterFiveTriesWhileOtherReceiptsPass() {
        String victim = receipt();
        String known = victim.substring(0, 19); // two thirds and their separators
        int looked = 0;
        for (int i = 0; i < 100; i++) {
            String guess = known + receipt().substring(19);
            if (presentWrong(guess)) {
                looked++;
            }
        }
        assertThat(looked).isEqualTo(5);
        assertThat(throttle.before(victim)).isInstanceOf(ReceiptThrottle.Refuse.class);
        assertThat(throttle.before(receipt())).isInstanceOf(ReceiptThrottle.Proceed.class);
    }

    @Test
    void aRefusedThirdIsOpenAgainOnceItsBucketRefills() {
        String victim = receipt();
        for (int i = 0; i < 5; i++) {
            presentWrong(victim.substring(0, 19) + receipt().substring(19));
        }
        ReceiptThrottle.Decision refused = throttle.before(victim);
        assertThat(refused).isInstanceOf(ReceiptThrottle.Refuse.class);
        assertThat(((ReceiptThrottle.Refuse) refused).retryAfter()).isEqualTo(Duration.ofMinutes(5));
        clock.move(Duration.ofMinutes(5));
        assertThat(throttle.before(victim)).isInstanceOf(ReceiptThrottle.Proceed.class);
    }

    @Test
    void theThirdsAreReadTheWayReceiptsAreTyped() {
        String receipt = receipt();
        String typed = receipt.toLowerCase().replace('-', ' ').replace('0', 'o').replace('1', 'l');
        assertThat(throttle.partKeys(typed))
                .isEqualTo(throttle.partKeys(receipt))
                .hasSize(3);
        assertThat(throttle.partKeys("not a receipt")).isEmpty();
        assertThat(throttle.partKeys(receipt + "X")).isEmpty();
    }

    @Test
    void aFloodOfRandomWrongReceiptsSpendsTheGlobalBudgetButRefusesNoRightReceiptBeforeLookup() {
        int spentAfter = -1;
        for (int i = 0; i < 100; i++) {
            ReceiptThrottle.Decision decision = throttle.before(receipt());
            assertThat(decision).isInstanceOf(ReceiptThrottle.Proceed.class);
            if (throttle.wrong((ReceiptThrottle.Proceed) decision) && spentAfter < 0) {
                spentAfter = i;
            }
        }
        assertThat(spentAfter).isEqualTo(60);
        assertThat(throttle.before(receipt())).isInstanceOf(ReceiptThrottle.Proceed.class);
        assertThat(throttle.before("garbage"))
                .as("cannot be a receipt: refused at once")
                .isInstanceOf(ReceiptThrottle.Refuse.class);
        clock.move(Duration.ofMinutes(1));
        assertThat(throttle.wrong((ReceiptThrottle.Proceed) throttle.before(receipt())))
                .isFalse();
    }
}

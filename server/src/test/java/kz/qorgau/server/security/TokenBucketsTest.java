package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final Instant T0 = Instant.parse("2027-03-02T05:00:00Z");

    @Test
    void aBucketRefusesWhenEmptyAndRefillsOneTokenPerPeriod() {
        TokenBuckets<String> buckets = new TokenBuckets<>(3, Duration.ofSeconds(10), 100);
        assertThat(buckets.tryTake("a", T0)).isTrue();
        assertThat(buckets.tryTake("a", T0)).isTrue();
        assertThat(buckets.tryTake("a", T0)).isTrue();
        assertThat(buckets.tryTake("a", T0)).isFalse();
        assertThat(buckets.untilNextToken("a", T0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(buckets.tryTake("a", T0.plusSeconds(9))).isFalse();
        assertThat(buckets.tryTake("a", T0.plusSeconds(10))).isTrue();
        assertThat(buckets.tryTake("a", T0.plusSeconds(10))).isFalse();
    }

    @Test
    void drainingOneKeyLeavesTheOthersAlone() {
        TokenBuckets<String> buckets = new TokenBuckets<>(2, Duration.ofMinutes(1), 100);
        buckets.tryTake("attacked", T0);
        buckets.tryTake("attacked", T0);
        assertThat(buckets.isEmpty("attacked", T0)).isTrue();
        assertThat(buckets.isEmpty("other", T0)).isFalse();
        assertThat(buckets.tryTake("other", T0)).isTrue();
    }

    @Test
    void aTokenGivenBackCanBeTakenAgainButNeverBeyondTheCapacity() {
        TokenBuckets<String> buckets = new TokenBuckets<>(1, Duration.ofHours(1), 100);
        assertThat(buckets.tryTake("a", T0)).isTrue();
        buckets.giveBack("a", T0);
        buckets.giveBack("a", T0);
        assertThat(buckets.tryTake("a", T0)).isTrue();
        assertThat(buckets.tryTake("a", T0)).isFalse();
    }

    @Test
    void theLeastRecentlyUsedBucketsAreForgottenBeyondTheLimit() {
        TokenBuckets<Integer> buckets = new TokenBuckets<>(1, Duration.ofHours(1), 3);
        for (int key = 0; key < 10; key++) {
            buckets.tryTake(key, T0);
        }
        assertThat(buckets.size()).isEqualTo(3);
        assertThat(buckets.isEmpty(9, T0)).isTrue();
        assertThat(buckets.isEmpty(0, T0)).as("forgotten, so full again").isFalse();
    }
}

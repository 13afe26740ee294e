package kz.qorgau.signals.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhoneIndexTest {

    @Test
    void behavesLikeAMapThroughGrowthRemovalsAndShrinking() {
        PhoneIndex index = new PhoneIndex();
        Map<Long, Object> expected = new HashMap<>();
        List<Long> keys = new ArrayList<>();
        Random random = new Random(42);
        for (int round = 0; round < 200_000; round++) {
            int action = random.nextInt(10);
            if (action < 6 || keys.isEmpty()) {
                // Numbers close together, as phone numbers are, so that probe runs form and wrap.
                long key = 77_000_000_000L + random.nextInt(50_000);
                Object value = "v" + round;
                index.put(key, value);
                if (expected.put(key, value) == null) {
                    keys.add(key);
                }
            } else {
                long key = keys.remove(random.nextInt(keys.size()));
                index.remove(key);
                expected.remove(key);
            }
            if (round % 1_000 == 0) {
                assertThat(index.size()).isEqualTo(expected.size());
            }
        }
        for (Map.Entry<Long, Object> entry : expected.entrySet()) {
            assertThat(index.get(entry.getKey())).isEqualTo(entry.getValue());
        }
        for (int probe = 0; probe < 50_000; probe++) {
            long key = 77_000_000_000L + probe;
            assertThat(index.get(key)).isEqualTo(expected.get(key));
        }
        for (long key : List.copyOf(keys)) {
            index.remove(key);
        }
        assertThat(index.size()).isZero();
        assertThat(index.get(keys.get(0))).isNull();
    }
}

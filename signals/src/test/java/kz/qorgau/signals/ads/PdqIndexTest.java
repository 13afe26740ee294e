package kz.qorgau.signals.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PdqIndexTest {

    @Test
    void hexRoundTripsAndDistanceCountsDifferingBits() {
        String hex = "f".repeat(16) + "0".repeat(48);
        PdqHash h = PdqHash.parse(hex.toUpperCase());
        assertThat(h.hex()).isEqualTo(hex);
        assertThat(h.distance(PdqHash.parse("0".repeat(64)))).isEqualTo(64);
        assertThatThrownBy(() -> PdqHash.parse("abc")).hasMessageContaining("64 hexadecimal digits");
    }

    @Test
    void chunkBitsMatchTheBitsOneByOne() {
        Random random = new Random(3);
        PdqHash h = new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
        String bits = new java.math.BigInteger("1" + h.hex(), 16).toString(2).substring(1);
        for (int from = 0; from < 256; from += 7) {
            for (int count = 1; count <= 32 && from + count <= 256; count += 5) {
                assertThat(h.bits(from, count))
                        .as("bits %d..%d", from, from + count)
                        .isEqualTo(Long.parseLong(bits.substring(from, from + count), 2));
            }
        }
    }

    @Test
    void multiIndexHashingFindsExactlyThePairsWithinTheDistance() {
        Random random = new Random(5);
        PdqHash[] hashes = new PdqHash[400];
        for (int i = 0; i < hashes.length; i++) {
            if (i % 4 == 0 || i == 1) {
                hashes[i] = new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
            } else {
                // A near copy of an earlier hash: flip 0..24 random bits.
                PdqHash base = hashes[i - 1 - random.nextInt(Math.min(i, 3))];
                long[] w = {base.w0(), base.w1(), base.w2(), base.w3()};
                int flips = random.nextInt(25);
                for (int f = 0; f < flips; f++) {
                    int bit = random.nextInt(256);
                    w[bit / 64] ^= 1L << (bit % 64);
                }
                hashes[i] = new PdqHash(w[0], w[1], w[2], w[3]);
            }
        }
        int max = 15;
        Set<Long> expected = new HashSet<>();
        for (int a = 0; a < hashes.length; a++) {
            for (int b = a + 1; b < hashes.length; b++) {
                if (hashes[a].distance(hashes[b]) <= max) {
                    expected.add((long) a * 1000 + b);
                }
            }
        }
        Set<Long> found = new HashSet<>();
        PdqIndex.pairs(hashes, max, (a, b, d) -> found.add((long) Math.min(a, b) * 1000 + Math.max(a, b)));
        assertThat(expected).isNotEmpty();
        assertThat(found).isEqualTo(expected);
    }
}

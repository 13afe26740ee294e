package kz.qorgau.signals.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NearDuplicateFinderTest {

    /** Texts of 30 word pairs; every fourth is a copy of an earlier one with a few pairs changed. */
    private static List<TextFingerprint> texts(int count, long seed) {
        Random random = new Random(seed);
        List<int[]> raw = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] shingles = new int[30];
            if (i % 4 == 3) {
                int[] base = raw.get(i - 1 - random.nextInt(3));
                System.arraycopy(base, 0, shingles, 0, 30);
                int changes = random.nextInt(8);
                for (int c = 0; c < changes; c++) {
                    shingles[random.nextInt(30)] = random.nextInt();
                }
            } else {
                for (int s = 0; s < 30; s++) {
                    // A small vocabulary, so that unrelated texts share some pairs, as ads of one genre do.
                    shingles[s] = random.nextInt(2000);
                }
            }
            raw.add(shingles);
        }
        return raw.stream().map(TextFingerprint::of).toList();
    }

    private static long pair(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    @Test
    void findsThePairsAnExactComparisonOfAllPairsFinds() {
        List<TextFingerprint> texts = texts(2000, 1);
        Set<Long> exact = new HashSet<>();
        for (int a = 0; a < texts.size(); a++) {
            for (int b = a + 1; b < texts.size(); b++) {
                if (texts.get(a).jaccard(texts.get(b)) >= 0.8) {
                    exact.add(pair(a, b));
                }
            }
        }
        Set<Long> found = new HashSet<>();
        NearDuplicateFinder.Result result =
                NearDuplicateFinder.of(26, 3).find(texts, 0.8, (a, b) -> false, (a, b, j, d) -> found.add(pair(a, b)));
        assertThat(exact).hasSizeGreaterThan(100);
        assertThat(found).isSubsetOf(exact);
        assertThat((double) found.size() / exact.size()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.comparisons()).isLessThan(texts.size() * (long) texts.size() / 20);
    }

    @Test
    void textsAlikeOnlyInBoilerplateAreNotNearDuplicates() {
        // 300 texts share the same 20 word pairs (a site's template) and have 10 of their own each.
        List<TextFingerprint> texts = new ArrayList<>();
        Random random = new Random(9);
        for (int i = 0; i < 300; i++) {
            int[] shingles = new int[30];
            for (int s = 0; s < 20; s++) {
                shingles[s] = s;
            }
            for (int s = 20; s < 30; s++) {
                shingles[s] = 1000 + random.nextInt(1_000_000);
            }
            texts.add(TextFingerprint.of(shingles));
        }
        assertThat(texts.get(0).jaccard(texts.get(1))).isGreaterThanOrEqualTo(0.5);
        Set<Long> found = new HashSet<>();
        NearDuplicateFinder.of(26, 3).find(texts, 0.5, (a, b) -> false, (a, b, j, d) -> found.add(pair(a, b)));
        assertThat(found).isEmpty();
        assertThat(NearDuplicateFinder.withoutBoilerplate(texts).get(0).size()).isEqualTo(10);
    }

    @Test
    void pairsTheCallerSkipsAreNotCompared() {
        List<TextFingerprint> texts = texts(200, 2);
        NearDuplicateFinder.Result result = NearDuplicateFinder.of(26, 3)
                .find(texts, 0.5, (a, b) -> true, (a, b, j, d) -> {
                    throw new AssertionError("a skipped pair was reported");
                });
        assertThat(result.comparisons()).isZero();
    }

    @Test
    void emptyTextsTakeNoPart() {
        List<TextFingerprint> texts = List.of(TextFingerprint.EMPTY, TextFingerprint.EMPTY);
        assertThat(NearDuplicateFinder.of(26, 3)
                        .find(texts, 0.5, (a, b) -> false, (a, b, j, d) -> {})
                        .texts())
                .isZero();
    }

    @Test
    void impossibleBandsAreRefused() {
        assertThatThrownBy(() -> NearDuplicateFinder.of(0, 3)).hasMessageContaining("bands and rows");
    }
}

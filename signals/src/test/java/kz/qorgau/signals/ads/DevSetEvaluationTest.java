package kz.qorgau.signals.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Screening and linking measured on the labelled development set ({@code shared/data/ads-dev.jsonl}
 * and its truth file). The figures are printed; the thresholds below are set from what each error
 * costs, not from these particular rows (the data README asks to tune on principles), and leave
 * room below the measured figures so that a sound change elsewhere does not break the build.
 *
 * <p>Ads whose truth is {@code minor: null} show signs only at the legal edge ("только исполнилось
 * 18", "молоденькая, 18"). Qorgau flags them for review on purpose — the Qyzylorda girl was
 * registered as "18" — so they are left out of minor-flag precision and recall (counting them
 * either way would reward a guess about a person nobody knows), and their flag rate is printed
 * separately.
 */
class DevSetEvaluationTest {

    /** Phones are the join key: a false number creates false links and false case matches. */
    static final double MIN_PHONE_PRECISION = 0.98;
    /** Every disguise family of the dev set is one the extractor is built for; a miss means a family broke. */
    static final double MIN_PHONE_RECALL = 0.95;
    /** A missed minor is the costliest error; flags go to a person, who can dismiss a false one. */
    static final double MIN_MINOR_RECALL = 0.90;
    /** But a reviewer's time is limited: at most one flag in five may be wasted. */
    static final double MIN_MINOR_PRECISION = 0.80;
    /** A false link merges two operators and sends a case worker after the wrong people. */
    static final double MIN_PAIR_PRECISION = 0.95;
    /**
     * Ads of one operator with no shared contact are joined only by clearly similar texts (Jaccard
     * at least 0.5), so some of those pairs are missed on purpose.
     */
    static final double MIN_PAIR_RECALL = 0.85;

    private static final List<Ad> ADS = new ArrayList<>();
    private static final List<ScreenedAd> SCREENED = new ArrayList<>();
    private static final Map<String, JsonNode> TRUTH = new HashMap<>();

    @BeforeAll
    static void screenTheDevSet() throws IOException {
        if (!ADS.isEmpty()) {
            return;
        }
        Path ads = DevData.file("ads-dev.jsonl");
        Path truth = DevData.file("ads-dev-truth.jsonl");
        JsonMapper json = JsonMapper.builder().build();
        for (String line : Files.readAllLines(truth)) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                TRUTH.put(node.get("id").stringValue(), node);
            }
        }
        try (Reader in = Files.newBufferedReader(ads)) {
            for (AdLine line : AdReader.standard().readAll(in)) {
                assertThat(line).as("every dev line is well formed").isInstanceOf(AdLine.Accepted.class);
                Ad ad = ((AdLine.Accepted) line).ad();
                ADS.add(ad);
                SCREENED.add(AdScreener.standard().screen(ad));
            }
        }
        assertThat(TRUTH.keySet())
                .containsExactlyInAnyOrderElementsOf(ADS.stream().map(Ad::id).toList());
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.isNumber() ? Integer.toString(n.intValue()) : n.stringValue()));
        return out;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 1 : (double) a / b;
    }

    private record Counts(long tp, long fp, long fn) {
        double precision() {
            return ratio(tp, tp + fp);
        }

        double recall() {
            return ratio(tp, tp + fn);
        }

        String print(String what) {
            return String.format(
                    Locale.ROOT,
                    "%-22s precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)",
                    what,
                    precision(),
                    recall(),
                    tp,
                    fp,
                    fn);
        }
    }

    private static Counts setCounts(String field, java.util.function.Function<ScreenedAd, List<?>> found) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (ScreenedAd ad : SCREENED) {
            Set<String> expected = strings(TRUTH.get(ad.id()).get(field));
            Set<String> got = new HashSet<>();
            found.apply(ad).forEach(v -> got.add(String.valueOf(v)));
            for (String g : got) {
                if (expected.contains(g)) {
                    tp++;
                } else {
                    fp++;
                }
            }
            for (String e : expected) {
                if (!got.contains(e)) {
                    fn++;
                }
            }
        }
        return new Counts(tp, fp, fn);
    }

    @Test
    void phoneExtraction() {
        Counts phones = setCounts("phones", ScreenedAd::phones);
        System.out.println(phones.print("phones"));
        System.out.println(setCounts("handles", ScreenedAd::handles).print("handles"));
        System.out.println(setCounts("ages", ScreenedAd::ages).print("stated ages"));
        assertThat(phones.precision()).isGreaterThanOrEqualTo(MIN_PHONE_PRECISION);
        assertThat(phones.recall()).isGreaterThanOrEqualTo(MIN_PHONE_RECALL);
    }

    @Test
    void minorFlags() {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        int edge = 0;
        int edgeFlagged = 0;
        for (ScreenedAd ad : SCREENED) {
            JsonNode minor = TRUTH.get(ad.id()).get("minor");
            boolean flag = ad.minorRisk().flag();
            if (minor.isNull()) {
                edge++;
                edgeFlagged += flag ? 1 : 0;
            } else if (flag && minor.booleanValue()) {
                tp++;
            } else if (flag) {
                fp++;
            } else if (minor.booleanValue()) {
                fn++;
            }
        }
        Counts counts = new Counts(tp, fp, fn);
        System.out.println(counts.print("minor flags"));
        System.out.printf(Locale.ROOT, "%-22s %d of %d flagged for review%n", "legal edge (null)", edgeFlagged, edge);
        assertThat(counts.precision()).isGreaterThanOrEqualTo(MIN_MINOR_PRECISION);
        assertThat(counts.recall()).isGreaterThanOrEqualTo(MIN_MINOR_RECALL);
    }

    @Test
    void pairwiseClustering() {
        AdClusters clusters = AdLinker.standard()
                .link(SCREENED.stream().map(ScreenedAd::linkable).toList());
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < SCREENED.size(); i++) {
            String operatorI = TRUTH.get(SCREENED.get(i).id()).get("operator").stringValue();
            for (int j = i + 1; j < SCREENED.size(); j++) {
                boolean same = operatorI.equals(
                        TRUTH.get(SCREENED.get(j).id()).get("operator").stringValue());
                boolean linked = clusters.sameCluster(i, j);
                if (same && linked) {
                    tp++;
                } else if (linked) {
                    fp++;
                } else if (same) {
                    fn++;
                }
            }
        }
        Counts counts = new Counts(tp, fp, fn);
        System.out.println(counts.print("pairwise clustering"));
        System.out.printf(
                Locale.ROOT,
                "%-22s %d clusters of 2+ ads, largest %d, %s%n",
                "clusters",
                clusters.count(2),
                clusters.largest(),
                clusters.stats());
        assertThat(counts.precision()).isGreaterThanOrEqualTo(MIN_PAIR_PRECISION);
        assertThat(counts.recall()).isGreaterThanOrEqualTo(MIN_PAIR_RECALL);
    }
}

package kz.qorgau.signals.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdLinkerTest {

    private static final String TEMPLATE =
            "Компания на вечер у меня или у вас круглосуточно предоплата вода кофе уют рубин"
                    + " тайна нежность гармония лаванда без выходных оплата на месте левый берег рядом с ТРЦ";

    private static LinkableAd ad(
            String id, List<String> phones, List<String> handles, List<PdqHash> images, String text) {
        ScreenedAd s = AdScreener.standard().screen(Ad.of(id, text));
        return new LinkableAd(id, null, null, phones, handles, images, s.fingerprint());
    }

    private static LinkableAd contact(String id, String phone) {
        return ad(id, List.of(phone), List.of(), List.of(), "ad " + id);
    }

    private static PdqHash hash(Random random) {
        return new PdqHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    private static PdqHash flip(PdqHash h, int bits) {
        long w0 = h.w0();
        for (int b = 0; b < bits; b++) {
            w0 ^= 1L << (b * 3);
        }
        return new PdqHash(w0, h.w1(), h.w2(), h.w3());
    }

    @Test
    void adsSharingAPhoneAreOneClusterAndTheLinkSaysSo() {
        AdClusters c = AdLinker.standard()
                .link(List.of(
                        contact("a", "+77771234567"), contact("b", "+77771234567"), contact("c", "+77019998877")));
        assertThat(c.sameCluster(0, 1)).isTrue();
        assertThat(c.sameCluster(0, 2)).isFalse();
        AdCluster cluster = c.clusters(2).get(0);
        assertThat(cluster.adIds()).containsExactly("a", "b");
        assertThat(cluster.links())
                .singleElement()
                .satisfies(l -> assertThat(l.evidence()).containsExactly(new LinkEvidence.SharedPhone("+77771234567")));
    }

    @Test
    void linksAreTransitiveThroughDifferentEvidence() {
        AdClusters c = AdLinker.standard()
                .link(List.of(
                        ad("a", List.of("+77771234567"), List.of(), List.of(), "x"),
                        ad("b", List.of("+77771234567"), List.of("@rose_1"), List.of(), "y"),
                        ad("c", List.of(), List.of("@rose_1"), List.of(), "z")));
        assertThat(c.sameCluster(0, 2)).isTrue();
        assertThat(c.clusters(2).get(0).links())
                .flatExtracting(AdLink::evidence)
                .extracting(LinkEvidence::kind)
                .containsExactlyInAnyOrder("phone", "handle");
    }

    @Test
    void picturesWithinTheDistanceAreTheSamePictureAndBeyondAreNot() {
        Random random = new Random(7);
        PdqHash photo = hash(random);
        int limit = AdLinker.Settings.defaults().maxImageDistance();
        AdClusters c = AdLinker.standard()
                .link(List.of(
                        ad("a", List.of(), List.of(), List.of(photo), "x"),
                        ad("b", List.of(), List.of(), List.of(flip(photo, limit)), "y"),
                        ad("c", List.of(), List.of(), List.of(flip(photo, limit + 6)), "z"),
                        ad("d", List.of(), List.of(), List.of(hash(random)), "w")));
        assertThat(c.sameCluster(0, 1)).isTrue();
        assertThat(c.sameCluster(0, 3)).isFalse();
        LinkEvidence e = c.clusters(2).get(0).links().get(0).evidence().get(0);
        assertThat(e).isInstanceOf(LinkEvidence.SimilarImage.class);
        assertThat(((LinkEvidence.SimilarImage) e).distance()).isLessThanOrEqualTo(limit);
    }

    @Test
    void nearDuplicateTextsAreLinkedWithTheirSimilarity() {
        AdClusters c = AdLinker.standard()
                .link(List.of(
                        ad("a", List.of("+77771234567"), List.of(), List.of(), "Вика. " + TEMPLATE + " Астана"),
                        ad("b", List.of("+77019998877"), List.of(), List.of(), "Лаура. " + TEMPLATE + " Алматы"),
                        ad(
                                "c",
                                List.of("+77025554433"),
                                List.of(),
                                List.of(),
                                "Продаю велосипед в хорошем состоянии почти новый синего цвета колёса двадцать шесть"
                                        + " дюймов звоните вечером после работы торг уместен самовывоз")));
        assertThat(c.sameCluster(0, 1)).isTrue();
        assertThat(c.sameCluster(0, 2)).isFalse();
        LinkEvidence e = c.clusters(2).get(0).links().get(0).evidence().get(0);
        assertThat(e)
                .isInstanceOfSatisfying(
                        LinkEvidence.SimilarText.class,
                        t -> assertThat(t.jaccard()).isGreaterThan(0.5));
    }

    @Test
    void shortIdenticalTextsAreNotALink() {
        String text = "Ищу няню для ребёнка, Кызылорда";
        AdClusters c = AdLinker.standard()
                .link(List.of(contact("a", "+77771234567"), contact("b", "+77019998877")).stream()
                        .map(x -> ad(x.id(), x.phones(), List.of(), List.of(), text))
                        .toList());
        assertThat(c.sameCluster(0, 1)).isFalse();
    }

    @Test
    void aContactInImplausiblyManyAdsIsIgnoredAndReported() {
        List<LinkableAd> ads = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ads.add(ad("ad" + i, List.of("+77000000000", "+7701" + (1000000 + i)), List.of(), List.of(), "x"));
        }
        ads.add(ad("other", List.of("+77011000000"), List.of(), List.of(), "x")); // shares a real number with ad0
        AdClusters c = AdLinker.with(AdLinker.Settings.defaults().withMaxAdsPerContact(10))
                .link(ads);
        assertThat(c.largest()).isEqualTo(2);
        assertThat(c.ignored()).containsExactly(new IgnoredContact("phone", "+77000000000", 30, 21));
        assertThat(c.clusters(2).get(0).links().get(0).evidence())
                .containsExactly(new LinkEvidence.SharedPhone("+77011000000"));
    }

    @Test
    void aContactBesideManyOtherOperatorsNumbersIsIgnoredThoughItIsInFewAds() {
        List<LinkableAd> ads = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Thirty one-ad operators, each with its own number, all showing the site's support number.
            ads.add(ad("ad" + i, List.of("+77000000000", "+7701" + (1000000 + i)), List.of(), List.of(), "x"));
        }
        for (int i = 0; i < 60; i++) {
            // One prolific operator: sixty ads linked by nothing but its number.
            ads.add(ad("op" + i, List.of("+77770000001"), List.of(), List.of(), "x"));
        }
        AdClusters clusters = AdLinker.standard().link(ads);
        assertThat(clusters.ignored()).containsExactly(new IgnoredContact("phone", "+77000000000", 30, 21));
        assertThat(clusters.largest()).isEqualTo(60);
        assertThat(clusters.sameCluster(0, 1)).isFalse();
    }

    @Test
    void aClusterReportsItsCitiesTimeSpanAndAStableId() {
        OffsetDateTime t1 = OffsetDateTime.parse("2026-03-01T10:00:00+05:00");
        OffsetDateTime t2 = OffsetDateTime.parse("2026-05-01T10:00:00+05:00");
        List<LinkableAd> ads = List.of(
                new LinkableAd("b", t2, "Astana", List.of("+77771234567"), List.of(), List.of(), TextFingerprint.EMPTY),
                new LinkableAd("a", t1, "Almaty", List.of("+77771234567"), List.of(), List.of(), TextFingerprint.EMPTY),
                new LinkableAd(
                        "c", null, "Astana", List.of("+77771234567"), List.of(), List.of(), TextFingerprint.EMPTY));
        AdCluster cluster = AdLinker.standard().link(ads).clusters(2).get(0);
        assertThat(cluster.cities()).containsExactly("Astana", "Almaty");
        assertThat(cluster.firstPostedAt()).isEqualTo(t1);
        assertThat(cluster.lastPostedAt()).isEqualTo(t2);
        assertThat(cluster.id()).matches("C-[0-9a-f]{12}");
        assertThat(AdLinker.standard()
                        .link(List.of(ads.get(2), ads.get(0), ads.get(1)))
                        .clusters(2)
                        .get(0)
                        .id())
                .isEqualTo(cluster.id());
    }

    @Test
    void everyLinkHasEvidenceAndTheLinksConnectTheCluster() {
        Random random = new Random(11);
        List<LinkableAd> ads = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String phone = "+7701" + (1000000 + random.nextInt(60));
            ads.add(ad("ad" + i, List.of(phone), List.of(), List.of(), "x"));
        }
        AdClusters c = AdLinker.standard().link(ads);
        for (AdCluster cluster : c.clusters(2)) {
            assertThat(cluster.links()).hasSize(cluster.size() - 1);
            assertThat(cluster.links()).allSatisfy(l -> assertThat(l.evidence()).isNotEmpty());
        }
    }

    @Test
    void repeatedIdsAreRefused() {
        assertThatThrownBy(() ->
                        AdLinker.standard().link(List.of(contact("a", "+77771234567"), contact("a", "+77771234567"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
    }
}

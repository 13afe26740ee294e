package kz.qorgau.signals.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseIdentifierIndexTest {

    private static final Ad AD = new Ad(
            "op1",
            "site-a",
            null,
            null,
            "Qyzylorda",
            "Айя, Компания на вечер",
            "Айя. мне 17. пиши: восемь семь семь семь один два три четыре пять шесть семь tg @Rose_4531",
            List.of());

    @Test
    void phonesAndHandlesRecordedInAnyFormMatchTheAdWithItsWords() {
        CaseIdentifierIndex index = CaseIdentifierIndex.of(List.of(
                new CaseIdentifiers("case-1", List.of("8 (777) 123-45-67"), List.of("t.me/rose_4531"), List.of()),
                new CaseIdentifiers("case-2", List.of("+7 701 000 00 00"), List.of(), List.of())));
        List<CaseMatch> matches = index.matches(AdScreener.standard().screen(AD));
        assertThat(matches)
                .extracting(CaseMatch::caseRef, CaseMatch::kind, CaseMatch::value)
                .containsExactly(
                        tuple("case-1", CaseMatch.Kind.PHONE, "+77771234567"),
                        tuple("case-1", CaseMatch.Kind.HANDLE, "@rose_4531"));
        assertThat(matches.get(0).evidence().quote()).startsWith("восемь семь");
    }

    @Test
    void nicknamesMatchTheAdsWordsInAnyAlphabet() {
        CaseIdentifierIndex index =
                CaseIdentifierIndex.of(List.of(new CaseIdentifiers("case-1", List.of(), List.of(), List.of("Aya"))));
        List<CaseMatch> matches = index.matches(AD, AdScreener.standard().screen(AD));
        assertThat(matches).extracting(CaseMatch::kind).containsOnly(CaseMatch.Kind.NICKNAME);
        assertThat(matches).extracting(m -> m.evidence().quote()).contains("Айя");
    }

    @Test
    void unusableIdentifiersAreReportedForCorrection() {
        CaseIdentifierIndex index = CaseIdentifierIndex.of(
                List.of(new CaseIdentifiers("case-1", List.of("12345"), List.of("not a handle!"), List.of("A"))));
        assertThat(index.unreadable())
                .extracting(CaseIdentifierIndex.Unreadable::recorded)
                .containsExactly("12345", "not a handle!", "A");
    }

    @Test
    void aBatchIsScreenedAndLinkedInOneCall() {
        ScreenedBatch batch = AdScreener.standard()
                .screenBatch(List.of(AD, Ad.of("copy", "Айя. мне 17. звони 8 777 123 45 67")), AdLinker.standard());
        assertThat(batch.clusterIdAt(0)).isEqualTo(batch.clusterIdAt(1));
        assertThat(batch.flagged()).extracting(ScreenedAd::id).containsExactly("op1");
    }

    @Test
    void oneCaseAgainstManyAds() {
        List<ScreenedAd> ads = List.of(
                AdScreener.standard().screen(AD),
                AdScreener.standard().screen(Ad.of("other", "звони 8 701 555 44 33")));
        assertThat(CaseIdentifierIndex.match(
                        new CaseIdentifiers("case-1", List.of("87015554433"), List.of(), List.of()), ads))
                .extracting(CaseMatch::adId)
                .containsExactly("other");
    }
}

package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.at;
import static kz.qorgau.signals.tx.TxScenario.hit;
import static kz.qorgau.signals.tx.TxScenario.rulesFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class MemoKeywordsRuleTest {

    private static final String RULE = "memo-keywords";

    @Test
    void memosWithListedKeywordsFireAndNameTheKeywords() {
        TxScenario scenario = new TxScenario(1)
                .transfer("client-1", "account", 20_000, at(1, 23, 0), "За ночь")
                .transfer("client-2", "account", 20_000, at(2, 23, 0), "за ночь спасибо")
                .transfer("client-3", "account", 15_000, at(3, 1, 0), "outcall");

        RuleHit hit = hit(scenario.screen(TxScenario.EVERY_RULE), "account", RULE);

        assertThat(hit.facts()).containsEntry("memos", 3);
        assertThat(hit.evidence()).contains("'за ночь' ×2", "'outcall' ×1", "t0: \"За ночь\"");
    }

    @Test
    void ordinaryMemosDoNotFire() {
        TxScenario scenario = new TxScenario(2)
                .transfer("parent-1", "tutor", 7_000, at(1, 15, 0), "за урок")
                .transfer("parent-2", "tutor", 7_000, at(2, 15, 0), "математика")
                .transfer("parent-3", "rep", 3_000, at(3, 12, 0), "на подарок учителю");

        ScreeningReport report = scenario.screen(TxScenario.EVERY_RULE);

        assertThat(rulesFor(report, "tutor")).doesNotContain(RULE);
        assertThat(rulesFor(report, "rep")).doesNotContain(RULE);
    }

    @Test
    void theKeywordListIsEditable() {
        MemoKeywords own = MemoKeywords.parse(new StringReader("# ours\nкофе\n"), "ours.txt");
        TxScenario scenario = new TxScenario(3)
                .transfer("a", "account", 1_000, at(1, 10, 0), "на кофе")
                .transfer("b", "account", 1_000, at(2, 10, 0), "Кофе!");

        ScreeningReport report = scenario.screen(TxScenario.EVERY_RULE.withMemoKeywords(own));

        assertThat(hit(report, "account", RULE).evidence()).contains("'кофе' ×2");
    }
}

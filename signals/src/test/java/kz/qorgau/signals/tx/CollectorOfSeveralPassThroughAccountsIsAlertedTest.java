package kz.qorgau.signals.tx;

import static kz.qorgau.signals.tx.TxScenario.alertFor;
import static kz.qorgau.signals.tx.TxScenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CollectorOfSeveralPassThroughAccountsIsAlertedTest {

    private static TxScenario ring(long seed) {
        return new TxScenario(seed)
                .students(25, LocalDate.of(2009, 1, 10), 0, 28)
                .passThrough("girl-1", LocalDate.of(2010, 3, 1), "collector", 0, 28)
                .passThrough("girl-2", LocalDate.of(2009, 8, 1), "collector", 0, 28)
                .passThrough("girl-3", LocalDate.of(2010, 11, 1), "collector", 3, 25)
                .ordinaryLife("collector", 0, 28);
    }

    @Test
    void theAccountReceivingFromThreePassThroughAccountsIsACollector() {
        ScreeningReport report = ring(1).screen();

        Alert collector = alertFor(report, "collector");
        assertThat(collector.typology()).isEqualTo(Typology.COLLECTOR);
        assertThat(collector.linked()).containsExactlyInAnyOrder("girl-1", "girl-2", "girl-3");
        RuleHit hit = collector.rules().get(0);
        assertThat(hit.rule()).isEqualTo("collector");
        assertThat(hit.facts()).containsEntry("feeders", 3);
        assertThat(hit.evidence()).contains("forwarded by 3 pass-through accounts", "girl-1 sent");
    }

    @Test
    void theRingIsOneClusterWithItsFlowsAndPhones() {
        ScreeningReport report = ring(2).screen();

        assertThat(report.clusters()).singleElement().satisfies(cluster -> {
            assertThat(cluster.passThrough()).containsExactly("girl-1", "girl-2", "girl-3");
            assertThat(cluster.collectors()).containsExactly("collector");
            assertThat(cluster.flows()).hasSize(3).allSatisfy(flow -> {
                assertThat(flow.to()).isEqualTo("collector");
                assertThat(flow.transfers()).isGreaterThan(20);
            });
            assertThat(cluster.phones()).hasSize(4).allMatch(p -> p.startsWith("+7701"));
        });
        assertThat(report.involvedAccounts()).contains("girl-1", "girl-2", "girl-3", "collector");
        assertThat(report.involvedPhones()).hasSize(4);
    }

    @Test
    void anOccasionalSmallTransferFromPassThroughAccountsDoesNotMakeACollector() {
        TxScenario scenario = ring(3).transfer("girl-1", "classmate", 2_000, at(10, 16, 0))
                .transfer("girl-2", "classmate", 2_000, at(11, 16, 0));

        ScreeningReport report = scenario.screen();

        assertThat(report.alerts()).extracting(Alert::account).doesNotContain("classmate");
    }

    @Test
    void twoSeparateRingsAreTwoClusters() {
        TxScenario scenario = ring(4).passThrough("girl-4", LocalDate.of(2010, 1, 1), "other-collector", 0, 28)
                .passThrough("girl-5", LocalDate.of(2010, 2, 1), "other-collector", 0, 28);

        ScreeningReport report = scenario.screen();

        assertThat(report.clusters()).hasSize(2);
        assertThat(alertFor(report, "other-collector").typology()).isEqualTo(Typology.COLLECTOR);
        assertThat(alertFor(report, "other-collector").cluster())
                .isNotEqualTo(alertFor(report, "collector").cluster());
    }
}

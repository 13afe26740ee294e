package kz.qorgau.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class CriticalReportTellsPoliceAndOversightAtOnceTest {

    @Test
    void criticalTellsBoth() {
        assertThat(DeadlinePolicies.current()
                        .policyFor(RiskLevel.CRITICAL, Set.of(Category.TRAFFICKING))
                        .tellAtOnce())
                .containsExactlyInAnyOrder(ImmediateNotice.POLICE, ImmediateNotice.OVERSIGHT);
    }

    @Test
    void highAndStandardTellNobodyAtOnce() {
        assertThat(DeadlinePolicies.current()
                        .policyFor(RiskLevel.HIGH, Set.of())
                        .tellAtOnce())
                .isEmpty();
        assertThat(DeadlinePolicies.current()
                        .policyFor(RiskLevel.STANDARD, Set.of())
                        .tellAtOnce())
                .isEmpty();
    }
}

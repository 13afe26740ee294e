package kz.qorgau.core.policy;

import static kz.qorgau.core.Almaty.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import kz.qorgau.core.calendar.WorkingCalendar;
import kz.qorgau.core.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class HighRiskReportWithoutProtectiveActionForThreeWorkingDaysTest {

    private final DeadlinePolicy high = DeadlinePolicies.current().policyFor(RiskLevel.HIGH, Set.of());

    @Test
    void isOverdueAfterThreeWorkingDaysSkippingKurbanAit() {
        // Monday 25 May 2026 + 3: 26, 28 (27 is Kurban Ait), 29 May.
        assertThat(high.dueTimes(at("2026-05-25T12:00"), WorkingCalendar.kazakhstan())
                        .actBy())
                .isEqualTo(at("2026-05-30T00:00"));
    }
}

package kz.qorgau.core.policy;

import static kz.qorgau.core.Almaty.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import kz.qorgau.core.calendar.WorkingCalendar;
import kz.qorgau.core.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class CriticalReportWithoutProtectiveActionForADayTest {

    private final DeadlinePolicy critical = DeadlinePolicies.current().policyFor(RiskLevel.CRITICAL, Set.of());

    @Test
    void isOverdueTwentyFourClockHoursLaterEvenOverNewYear() {
        assertThat(critical.dueTimes(at("2025-12-31T22:15"), WorkingCalendar.kazakhstan())
                        .actBy())
                .isEqualTo(at("2026-01-01T22:15"));
    }
}

package kz.qorgau.core.policy;

import static kz.qorgau.core.Almaty.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import kz.qorgau.core.calendar.WorkingCalendar;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class CriticalReportUnacknowledgedForAnHourTest {

    private final DeadlinePolicy critical =
            DeadlinePolicies.current().policyFor(RiskLevel.CRITICAL, Set.of(Category.SEXUAL_EXPLOITATION));
    private final WorkingCalendar calendar = WorkingCalendar.kazakhstan();

    @Test
    void isOverdueOneClockHourLaterAcrossMidnightAndIntoAWeekend() {
        // Friday 6 March 2026 23:30; clock hours ignore the weekend and Women's Day.
        assertThat(critical.dueTimes(at("2026-03-06T23:30"), calendar).acknowledgeBy())
                .isEqualTo(at("2026-03-07T00:30"));
    }

    @Test
    void isOverdueOneClockHourLaterOnAHoliday() {
        assertThat(critical.dueTimes(at("2026-03-22T10:00"), calendar).acknowledgeBy())
                .isEqualTo(at("2026-03-22T11:00"));
    }

    @Test
    void isTheDefaultPolicyForCriticalCases() {
        assertThat(critical.name()).isEqualTo(DeadlinePolicies.CRITICAL);
        assertThat(critical.acknowledge()).isEqualTo(TimeLimit.clockHours(1));
    }
}

package kz.qorgau.core.policy;

import static kz.qorgau.core.Almaty.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import kz.qorgau.core.calendar.WorkingCalendar;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class HighRiskReportUnacknowledgedForAWorkingDayTest {

    private final DeadlinePolicy high =
            DeadlinePolicies.current().policyFor(RiskLevel.HIGH, Set.of(Category.PHYSICAL_ABUSE));
    private final WorkingCalendar calendar = WorkingCalendar.kazakhstan();

    @Test
    void isOverdueAtTheEndOfTheNextWorkingDay() {
        assertThat(high.dueTimes(at("2026-04-14T09:00"), calendar).acknowledgeBy())
                .isEqualTo(at("2026-04-16T00:00"));
    }

    @Test
    void filedOnTheEveOfVictoryDayWaitsForTheDayOffInLieu() {
        // Friday 8 May 2026; 9 May (Saturday) is Victory Day, so Monday 11 May is off.
        assertThat(high.dueTimes(at("2026-05-08T18:00"), calendar).acknowledgeBy())
                .isEqualTo(at("2026-05-13T00:00"));
    }
}

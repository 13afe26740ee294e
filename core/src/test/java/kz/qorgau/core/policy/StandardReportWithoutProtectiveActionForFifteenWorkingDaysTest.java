package kz.qorgau.core.policy;

import static kz.qorgau.core.Almaty.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import kz.qorgau.core.calendar.WorkingCalendar;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class StandardReportWithoutProtectiveActionForFifteenWorkingDaysTest {

    private final DeadlinePolicy standard =
            DeadlinePolicies.current().policyFor(RiskLevel.STANDARD, Set.of(Category.BULLYING));
    private final WorkingCalendar calendar = WorkingCalendar.kazakhstan();

    @Test
    void acknowledgesInOneWorkingDayAndActsInFifteen() {
        DueTimes due = standard.dueTimes(at("2026-03-02T11:00"), calendar);
        assertThat(due.acknowledgeBy()).isEqualTo(at("2026-03-04T00:00"));
        // 9 March and 23-25 March are not worked.
        assertThat(due.actBy()).isEqualTo(at("2026-03-28T00:00"));
    }

    @Test
    void countsAcrossNewYear() {
        // 22 Dec 2025 + 15: 23-26, 29-31 Dec (7), 5, 6, 8, 9 Jan (11), 12-15 Jan (15).
        assertThat(standard.dueTimes(at("2025-12-22T10:00"), calendar).actBy()).isEqualTo(at("2026-01-16T00:00"));
    }
}

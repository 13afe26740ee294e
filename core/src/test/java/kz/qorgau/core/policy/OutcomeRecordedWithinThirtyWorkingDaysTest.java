package kz.qorgau.core.policy;

import static kz.qorgau.core.Almaty.at;
import static org.assertj.core.api.Assertions.assertThat;

import kz.qorgau.core.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

class OutcomeRecordedWithinThirtyWorkingDaysTest {

    @Test
    void everyDefaultPolicyWantsTheOutcomeInThirtyWorkingDays() {
        for (DeadlinePolicy policy : DeadlinePolicies.current().all()) {
            assertThat(policy.outcome()).as(policy.name()).isEqualTo(TimeLimit.workingDays(30));
            assertThat(policy.source()).contains("art. 76");
        }
        // 1 April 2026 + 30 working days, skipping 1, 7, 11 and 27 May.
        assertThat(DeadlinePolicies.current()
                        .all()
                        .get(0)
                        .dueTimes(at("2026-04-01T10:00"), WorkingCalendar.kazakhstan())
                        .outcomeBy())
                .isEqualTo(at("2026-05-19T00:00"));
    }
}

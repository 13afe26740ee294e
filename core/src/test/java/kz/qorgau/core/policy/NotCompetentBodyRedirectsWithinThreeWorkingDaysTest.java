package kz.qorgau.core.policy;

import static kz.qorgau.core.Almaty.at;
import static org.assertj.core.api.Assertions.assertThat;

import kz.qorgau.core.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

class NotCompetentBodyRedirectsWithinThreeWorkingDaysTest {

    @Test
    void everyDefaultPolicyClosesTheRedirectWindowAfterThreeWorkingDays() {
        for (DeadlinePolicy policy : DeadlinePolicies.current().all()) {
            assertThat(policy.redirectWithin()).as(policy.name()).isEqualTo(TimeLimit.workingDays(3));
            assertThat(policy.dueTimes(at("2026-02-12T16:00"), WorkingCalendar.kazakhstan())
                            .redirectUntil())
                    .as(policy.name())
                    .isEqualTo(at("2026-02-18T00:00"));
        }
    }
}

package kz.qorgau.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.TimeLimit;
import org.junit.jupiter.api.Test;

class DefaultEscalationLaddersTest {

    private final EscalationLadders ladders = EscalationLadders.current();

    @Test
    void aSchoolClimbsToTheDistrictEducationDepartmentThenTheCommissioner() {
        EscalationLadder school = ladders.ladderFor(OrganisationType.SCHOOL);
        assertThat(school.steps())
                .extracting(EscalationStep::receiver)
                .containsExactly(OrganisationType.DISTRICT_EDUCATION, OrganisationType.COMMISSIONER);
        assertThat(school.stepAt(1).acknowledgeWithin()).isEqualTo(TimeLimit.workingDays(1));
        assertThat(school.stepAt(1).actWithin()).isEqualTo(TimeLimit.workingDays(3));
    }

    @Test
    void aJuvenileInspectorClimbsThroughRegionalPoliceAndTheProsecutorToTheCommissioner() {
        assertThat(ladders.ladderFor(OrganisationType.JUVENILE_POLICE).steps())
                .extracting(EscalationStep::receiver)
                .containsExactly(
                        OrganisationType.REGIONAL_POLICE, OrganisationType.PROSECUTOR, OrganisationType.COMMISSIONER);
    }

    @Test
    void everyLadderEndsAtTheCommissionerWhichIsTheTop() {
        for (OrganisationType type : OrganisationType.values()) {
            EscalationLadder ladder = ladders.ladderFor(type);
            assertThat(ladder.typeAt(ladder.height())).as(type.code()).isEqualTo(OrganisationType.COMMISSIONER);
        }
        assertThat(ladders.ladderFor(OrganisationType.COMMISSIONER).stepAbove(0))
                .isEmpty();
    }
}

package kz.qorgau.core.casework;

import static kz.qorgau.core.Almaty.at;
import static kz.qorgau.core.casework.CaseFixtures.COMMISSIONER;
import static kz.qorgau.core.casework.CaseFixtures.DISTRICT_EDUCATION;
import static kz.qorgau.core.casework.CaseFixtures.RULES;
import static kz.qorgau.core.casework.CaseFixtures.SCHOOL_1;
import static kz.qorgau.core.casework.CaseFixtures.caseFrom;
import static kz.qorgau.core.casework.CaseFixtures.changed;
import static kz.qorgau.core.casework.CaseFixtures.educationSupervisor;
import static kz.qorgau.core.casework.CaseFixtures.opened;
import static kz.qorgau.core.casework.CaseFixtures.referralId;
import static kz.qorgau.core.casework.CaseFixtures.referredTo;
import static kz.qorgau.core.casework.CaseFixtures.reportFromParent;
import static kz.qorgau.core.casework.CaseFixtures.reportOfExploitation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.qorgau.core.casework.EscalationOutcome.AlreadyEscalated;
import kz.qorgau.core.casework.EscalationOutcome.Escalated;
import kz.qorgau.core.casework.EscalationOutcome.NotDue;
import kz.qorgau.core.casework.EscalationOutcome.NothingToEscalate;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.RequiredStep;
import org.junit.jupiter.api.Test;

class OverdueReferralClimbsTheLadderTest {

    // Monday 6 April 2026, high risk: acknowledge by the end of Tuesday 7 April.
    private final Case aCase = caseFrom(reportFromParent(at("2026-04-06T10:00")));
    private final Referral atSchool = referredTo(aCase, SCHOOL_1);

    @Test
    void beforeTheDeadlineNothingIsDue() {
        assertThat(atSchool.escalate(at("2026-04-07T23:59"), RULES)).isEqualTo(new NotDue(at("2026-04-08T00:00")));
        assertThat(atSchool.escalationDueAt(RULES.ladders())).contains(at("2026-04-08T00:00"));
    }

    @Test
    void atTheDeadlineTheReferralClimbsToTheDistrictEducationDepartment() {
        Escalated escalated = (Escalated) atSchool.escalate(at("2026-04-08T00:00"), RULES);

        assertThat(escalated.missed()).isEqualTo(RequiredStep.ACKNOWLEDGE);
        assertThat(escalated.missedDueAt()).isEqualTo(at("2026-04-08T00:00"));
        assertThat(escalated.step().receiver()).isEqualTo(OrganisationType.DISTRICT_EDUCATION);
        assertThat(escalated.after().state()).isEqualTo(ReferralState.ESCALATED);
        assertThat(escalated.after().version()).isEqualTo(atSchool.version() + 1);
        assertThat(escalated.event().kind()).isEqualTo(ReferralEvent.Kind.ESCALATED);
        assertThat(escalated.event().by()).isEqualTo(Referral.ESCALATION_SCHEDULER);
        assertThat(escalated.event().escalatedTo()).isEqualTo(OrganisationType.DISTRICT_EDUCATION);
        ReferralOpening opening = escalated.opening();
        assertThat(opening.ladder()).isEqualTo(new LadderPosition(OrganisationType.SCHOOL, 1));
        // Counted from the escalation, whose own day is not counted: Thursday 9 April is day 1.
        assertThat(opening.due().acknowledgeBy()).isEqualTo(at("2026-04-10T00:00"));
        assertThat(opening.due().actBy()).as("the rung's 3 working days").isEqualTo(at("2026-04-14T00:00"));
    }

    @Test
    void evaluatingTheSameVersionTwiceGivesTheSameAnswer() {
        assertThat(atSchool.escalate(at("2026-04-08T06:00"), RULES))
                .isEqualTo(atSchool.escalate(at("2026-04-08T06:00"), RULES));
    }

    @Test
    void afterApplyingTheEscalationTheNextEvaluationSaysAlreadyEscalated() {
        Escalated escalated = (Escalated) atSchool.escalate(at("2026-04-08T06:00"), RULES);

        assertThat(escalated.after().escalate(at("2026-04-08T06:00"), RULES))
                .isEqualTo(new AlreadyEscalated(at("2026-04-08T06:00")));
        assertThat(escalated.after().escalate(at("2026-05-01T00:00"), RULES)).isInstanceOf(AlreadyEscalated.class);
        assertThat(escalated.after().escalationDueAt(RULES.ladders())).isEmpty();
    }

    @Test
    void theLadderIsClimbedStepByStepToTheTop() {
        Escalated first = (Escalated) atSchool.escalate(at("2026-04-08T06:00"), RULES);
        Referral atDistrict =
                opened(aCase.referTo(first.opening(), referralId(), DISTRICT_EDUCATION, List.of(first.after())));
        Referral districtAcknowledged = changed(atDistrict.acknowledge(educationSupervisor(), at("2026-04-08T10:00")))
                .after();

        assertThat(districtAcknowledged.escalate(at("2026-04-13T23:00"), RULES))
                .isEqualTo(new NotDue(at("2026-04-14T00:00")));
        Escalated second = (Escalated) districtAcknowledged.escalate(at("2026-04-14T00:00"), RULES);
        assertThat(second.missed()).isEqualTo(RequiredStep.FIRST_PROTECTIVE_ACTION);
        assertThat(second.step().receiver()).isEqualTo(OrganisationType.COMMISSIONER);
        assertThat(second.opening().ladder()).isEqualTo(new LadderPosition(OrganisationType.SCHOOL, 2));

        Referral atCommissioner = opened(
                aCase.referTo(second.opening(), referralId(), COMMISSIONER, List.of(first.after(), second.after())));
        assertThat(atCommissioner.escalationDueAt(RULES.ladders())).isEmpty();
        assertThat(atCommissioner.escalate(at("2026-06-01T00:00"), RULES))
                .isEqualTo(new NothingToEscalate(EscalationOutcome.Reason.TOP_OF_LADDER));
        assertThat(atCommissioner.isOverdueAt(at("2026-06-01T00:00"))).isTrue();
    }

    @Test
    void aCriticalCaseKeepsItsClockHoursWhenItClimbs() {
        Case critical = caseFrom(reportOfExploitation(at("2026-04-10T22:30")));
        Referral referral = referredTo(critical, SCHOOL_1);
        assertThat(referral.acknowledgeBy()).isEqualTo(at("2026-04-10T23:30"));

        Escalated escalated = (Escalated) referral.escalate(at("2026-04-10T23:31"), RULES);

        assertThat(escalated.opening().due().acknowledgeBy()).isEqualTo(at("2026-04-11T00:31"));
        assertThat(escalated.opening().due().actBy()).isEqualTo(at("2026-04-11T23:31"));
    }

    @Test
    void aStepDoneInTimeStopsThatClockAndTheNextStepDecides() {
        Referral acknowledged = changed(atSchool.acknowledge(CaseFixtures.schoolLead(), at("2026-04-07T09:00")))
                .after();

        assertThat(acknowledged.escalate(at("2026-04-08T06:00"), RULES)).isEqualTo(new NotDue(at("2026-04-10T00:00")));
    }
}

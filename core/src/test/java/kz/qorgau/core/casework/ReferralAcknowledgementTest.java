package kz.qorgau.core.casework;

import static kz.qorgau.core.Almaty.at;
import static kz.qorgau.core.casework.CaseFixtures.RULES;
import static kz.qorgau.core.casework.CaseFixtures.SCHOOL_1;
import static kz.qorgau.core.casework.CaseFixtures.caseFrom;
import static kz.qorgau.core.casework.CaseFixtures.changed;
import static kz.qorgau.core.casework.CaseFixtures.inspector;
import static kz.qorgau.core.casework.CaseFixtures.referredTo;
import static kz.qorgau.core.casework.CaseFixtures.refused;
import static kz.qorgau.core.casework.CaseFixtures.reportFromParent;
import static kz.qorgau.core.casework.CaseFixtures.schoolLead;
import static org.assertj.core.api.Assertions.assertThat;

import kz.qorgau.core.policy.RequiredStep;
import org.junit.jupiter.api.Test;

class ReferralAcknowledgementTest {

    private final Referral referral = referredTo(caseFrom(reportFromParent(at("2026-03-02T10:00"))), SCHOOL_1);

    @Test
    void aNewReferralIsPendingWithDeadlinesFromItsPolicy() {
        assertThat(referral.state()).isEqualTo(ReferralState.PENDING);
        assertThat(referral.version()).isEqualTo(1);
        assertThat(referral.acknowledgeBy()).isEqualTo(at("2026-03-04T00:00"));
        assertThat(referral.actBy()).isEqualTo(at("2026-03-06T00:00"));
    }

    @Test
    void acknowledgingMeetsTheDeadlineInANewVersion() {
        ReferralChanged change = changed(referral.acknowledge(schoolLead(), at("2026-03-03T09:30")));

        assertThat(change.after().state()).isEqualTo(ReferralState.ACKNOWLEDGED);
        assertThat(change.after().version()).isEqualTo(2);
        assertThat(change.after().acknowledgement().metAt()).isEqualTo(at("2026-03-03T09:30"));
        assertThat(change.after().acknowledgement().wasMetLate()).isFalse();
        assertThat(change.event().kind()).isEqualTo(ReferralEvent.Kind.ACKNOWLEDGED);
        assertThat(change.event().version()).isEqualTo(2);
        assertThat(change.event().by()).isEqualTo(schoolLead());
        assertThat(referral.state()).as("the old version is unchanged").isEqualTo(ReferralState.PENDING);
    }

    @Test
    void acknowledgingTwiceIsRefused() {
        Referral acknowledged = changed(referral.acknowledge(schoolLead(), at("2026-03-03T09:30")))
                .after();

        Refused refusal = refused(acknowledged.acknowledge(schoolLead(), at("2026-03-03T10:00")));

        assertThat(refusal.rule()).isEqualTo(CaseworkRule.REFERRAL_ALREADY_ACKNOWLEDGED);
        assertThat(refusal.rule().code()).isEqualTo("referral-already-acknowledged");
    }

    @Test
    void onlyTheReceivingOrganisationAcknowledges() {
        assertThat(refused(referral.acknowledge(inspector(), at("2026-03-03T09:30")))
                        .rule())
                .isEqualTo(CaseworkRule.NOT_THE_RECEIVING_ORGANISATION);
    }

    @Test
    void aLateAcknowledgementAfterEscalationIsRecordedButTheClockStaysStopped() {
        var escalated =
                (kz.qorgau.core.casework.EscalationOutcome.Escalated) referral.escalate(at("2026-03-04T08:00"), RULES);

        ReferralChanged late = changed(escalated.after().acknowledge(schoolLead(), at("2026-03-05T11:00")));

        assertThat(late.after().state()).isEqualTo(ReferralState.ESCALATED);
        assertThat(late.after().acknowledgement().wasMetLate()).isTrue();
        assertThat(late.after().escalation().missedStep()).isEqualTo(RequiredStep.ACKNOWLEDGE);
        assertThat(late.after().escalationDueAt(RULES.ladders())).isEmpty();
    }
}

package kz.qorgau.core.casework;

import static kz.qorgau.core.Almaty.at;
import static kz.qorgau.core.casework.CaseFixtures.RULES;
import static kz.qorgau.core.casework.CaseFixtures.SCHOOL_1;
import static kz.qorgau.core.casework.CaseFixtures.SOCIAL_SERVICES;
import static kz.qorgau.core.casework.CaseFixtures.caseFrom;
import static kz.qorgau.core.casework.CaseFixtures.changed;
import static kz.qorgau.core.casework.CaseFixtures.referredTo;
import static kz.qorgau.core.casework.CaseFixtures.refused;
import static kz.qorgau.core.casework.CaseFixtures.reportFromParent;
import static kz.qorgau.core.casework.CaseFixtures.schoolLead;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralActionsTest {

    private final Case aCase = caseFrom(reportFromParent(at("2026-03-02T10:00")));
    private final Referral referral = referredTo(aCase, SCHOOL_1);

    @Test
    void anActionOnAPendingReferralAcknowledgesItAndMeetsTheFirstProtectiveAction() {
        ReferralChanged change = changed(referral.recordAction(
                ActionKind.INTERVIEW, "spoke with the girl", schoolLead(), at("2026-03-02T15:00")));

        Referral after = change.after();
        assertThat(after.state()).isEqualTo(ReferralState.ACTING);
        assertThat(after.acknowledgement().metAt()).isEqualTo(at("2026-03-02T15:00"));
        assertThat(after.firstProtectiveAction().metAt()).isEqualTo(at("2026-03-02T15:00"));
        assertThat(after.actions()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(ActionKind.INTERVIEW);
            assertThat(a.note()).isEqualTo("spoke with the girl");
        });
        assertThat(change.event().action()).isEqualTo(ActionKind.INTERVIEW);
    }

    @Test
    void referringOnIsNotAProtectiveActionAndOpensAReferralOfItsOwn() {
        ReferralChanged change = changed(
                referral.referOn(SOCIAL_SERVICES, "family needs support", schoolLead(), at("2026-03-03T09:00"), RULES));

        assertThat(change.after().acknowledgement().isMet()).isTrue();
        assertThat(change.after().firstProtectiveAction().isMet()).isFalse();
        assertThat(change.after().actions()).extracting(RecordedAction::kind).containsExactly(ActionKind.REFERRAL_ON);
        ReferralOpening opening = change.opening().orElseThrow();
        assertThat(opening.receiver()).isEqualTo(SOCIAL_SERVICES);
        assertThat(opening.basis()).isEqualTo(ReferralBasis.REFERRED_ON);
        assertThat(opening.from()).isEqualTo(referral.id());
        assertThat(opening.ladder()).isEqualTo(LadderPosition.footOf(SOCIAL_SERVICES.type()));

        Referral social = CaseFixtures.opened(
                aCase.referTo(opening, CaseFixtures.referralId(), SOCIAL_SERVICES, List.of(change.after())));
        assertThat(social.organisation()).isEqualTo(SOCIAL_SERVICES);
        assertThat(social.acknowledgeBy()).isEqualTo(at("2026-03-05T00:00"));
    }

    @Test
    void actingOnAClosedReferralIsRefused() {
        Referral acting = changed(referral.recordAction(ActionKind.VISIT, null, schoolLead(), at("2026-03-02T15:00")))
                .after();
        Referral closed = changed(
                        acting.recordOutcome("family visited, support agreed", schoolLead(), at("2026-03-10T10:00")))
                .after();

        assertThat(closed.state()).isEqualTo(ReferralState.CLOSED);
        assertThat(closed.outcome().isMet()).isTrue();
        assertThat(refused(closed.recordAction(ActionKind.VISIT, null, schoolLead(), at("2026-03-11T10:00")))
                        .rule())
                .isEqualTo(CaseworkRule.REFERRAL_CLOSED);
        assertThat(closed.escalate(at("2026-06-01T00:00"), RULES))
                .isEqualTo(new EscalationOutcome.NothingToEscalate(EscalationOutcome.Reason.REFERRAL_CLOSED));
    }

    @Test
    void anOutcomeNeedsAnAction() {
        Referral acknowledged = changed(referral.acknowledge(schoolLead(), at("2026-03-02T15:00")))
                .after();

        Refused refusal = refused(acknowledged.recordOutcome("nothing found", schoolLead(), at("2026-03-03T10:00")));

        assertThat(refusal.rule()).isEqualTo(CaseworkRule.OUTCOME_NEEDS_AN_ACTION);
    }
}

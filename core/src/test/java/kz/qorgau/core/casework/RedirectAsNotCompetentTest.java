package kz.qorgau.core.casework;

import static kz.qorgau.core.Almaty.at;
import static kz.qorgau.core.casework.CaseFixtures.JUVENILE_POLICE;
import static kz.qorgau.core.casework.CaseFixtures.RULES;
import static kz.qorgau.core.casework.CaseFixtures.SCHOOL_1;
import static kz.qorgau.core.casework.CaseFixtures.SCHOOL_2;
import static kz.qorgau.core.casework.CaseFixtures.caseFrom;
import static kz.qorgau.core.casework.CaseFixtures.changed;
import static kz.qorgau.core.casework.CaseFixtures.opened;
import static kz.qorgau.core.casework.CaseFixtures.referralId;
import static kz.qorgau.core.casework.CaseFixtures.referredTo;
import static kz.qorgau.core.casework.CaseFixtures.refused;
import static kz.qorgau.core.casework.CaseFixtures.reportOfBullying;
import static kz.qorgau.core.casework.CaseFixtures.schoolLead;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectAsNotCompetentTest {

    // Thursday 12 February 2026: the redirect window closes at the end of Tuesday 17 February.
    private final Case aCase = caseFrom(reportOfBullying(at("2026-02-12T16:00")));
    private final Referral referral = referredTo(aCase, SCHOOL_1);

    @Test
    void withinThreeWorkingDaysTheCompetentBodyGetsItsOwnReferralCountedFromNow() {
        ReferralChanged change = changed(referral.redirectNotCompetent(
                SCHOOL_2, "the child attends school No. 2", schoolLead(), at("2026-02-17T17:00"), RULES));

        assertThat(change.after().state()).isEqualTo(ReferralState.REDIRECTED);
        assertThat(change.event().counterpart()).isEqualTo(SCHOOL_2);
        Referral competent =
                opened(aCase.referTo(change.opening().orElseThrow(), referralId(), SCHOOL_2, List.of(change.after())));
        assertThat(competent.basis()).isEqualTo(ReferralBasis.REDIRECTED);
        assertThat(competent.from()).isEqualTo(referral.id());
        assertThat(competent.referredAt()).isEqualTo(at("2026-02-17T17:00"));
        assertThat(competent.acknowledgeBy()).isEqualTo(at("2026-02-19T00:00"));
        assertThat(change.after().escalate(at("2026-03-30T00:00"), RULES))
                .isEqualTo(new EscalationOutcome.NothingToEscalate(EscalationOutcome.Reason.REFERRAL_REDIRECTED));
    }

    @Test
    void afterThreeWorkingDaysTheBodyMustHandleIt() {
        Refused refusal = refused(referral.redirectNotCompetent(
                SCHOOL_2, "the child attends school No. 2", schoolLead(), at("2026-02-18T00:00"), RULES));

        assertThat(refusal.rule()).isEqualTo(CaseworkRule.REDIRECT_WINDOW_CLOSED);
    }

    @Test
    void aBodyThatHasActedCannotRedirect() {
        Referral acting = changed(
                        referral.recordAction(ActionKind.INTERVIEW, null, schoolLead(), at("2026-02-13T10:00")))
                .after();

        assertThat(refused(acting.redirectNotCompetent(
                                JUVENILE_POLICE, "a crime", schoolLead(), at("2026-02-13T11:00"), RULES))
                        .rule())
                .isEqualTo(CaseworkRule.REDIRECT_AFTER_ACTION);
    }

    @Test
    void aBodyCannotRedirectToItself() {
        assertThat(refused(referral.redirectNotCompetent(SCHOOL_1, "oops", schoolLead(), at("2026-02-13T11:00"), RULES))
                        .rule())
                .isEqualTo(CaseworkRule.SAME_ORGANISATION);
    }

    @Test
    void actingOnARedirectedReferralIsRefused() {
        Referral redirected = changed(referral.redirectNotCompetent(
                        SCHOOL_2, "the child attends school No. 2", schoolLead(), at("2026-02-13T11:00"), RULES))
                .after();

        assertThat(refused(redirected.acknowledge(schoolLead(), at("2026-02-13T12:00")))
                        .rule())
                .isEqualTo(CaseworkRule.REFERRAL_REDIRECTED);
    }
}

package kz.qorgau.core.casework;

import static kz.qorgau.core.Almaty.at;
import static kz.qorgau.core.casework.CaseFixtures.SCHOOL_1;
import static kz.qorgau.core.casework.CaseFixtures.caseFrom;
import static kz.qorgau.core.casework.CaseFixtures.changed;
import static kz.qorgau.core.casework.CaseFixtures.referredTo;
import static kz.qorgau.core.casework.CaseFixtures.refused;
import static kz.qorgau.core.casework.CaseFixtures.reportFromParent;
import static kz.qorgau.core.casework.CaseFixtures.schoolLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ACorrectionIsANewVersionWithWhoAndWhyTest {

    private final Case aCase = caseFrom(reportFromParent(at("2026-03-02T10:00")));
    private final Referral acting = changed(referredTo(aCase, SCHOOL_1)
                    .recordAction(ActionKind.VISIT, "visited the family", schoolLead(), at("2026-03-02T15:00")))
            .after();

    @Test
    void aCorrectionAddsAnActionThatNamesTheCorrectedOneAndKeepsIt() {
        ReferralChanged change = changed(acting.correctAction(
                0,
                ActionKind.INTERVIEW,
                "spoke with the mother by phone; no visit",
                "recorded as a visit by mistake",
                schoolLead(),
                at("2026-03-03T09:00")));

        Referral after = change.after();
        assertThat(after.version()).isEqualTo(acting.version() + 1);
        assertThat(after.actions()).hasSize(2);
        assertThat(after.actions().get(0)).isEqualTo(acting.actions().get(0));
        RecordedAction correction = after.actions().get(1);
        assertThat(correction.isCorrection()).isTrue();
        assertThat(correction.corrects()).isZero();
        assertThat(correction.kind()).isEqualTo(ActionKind.INTERVIEW);
        assertThat(correction.reason()).isEqualTo("recorded as a visit by mistake");
        assertThat(correction.by()).isEqualTo(schoolLead());
        assertThat(change.event().kind()).isEqualTo(ReferralEvent.Kind.ACTION_CORRECTED);
        assertThat(change.event().note()).isEqualTo("recorded as a visit by mistake");
        // A correction changes no deadline: the step met then stays met.
        assertThat(after.firstProtectiveAction()).isEqualTo(acting.firstProtectiveAction());
        assertThat(after.state()).isEqualTo(acting.state());
    }

    @Test
    void aCorrectionNeedsAReasonAnActionThatExistsAndTheReceivingOrganisation() {
        assertThatThrownBy(() ->
                        acting.correctAction(0, ActionKind.VISIT, null, " ", schoolLead(), at("2026-03-03T09:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(refused(acting.correctAction(
                                1, ActionKind.VISIT, null, "wrong", schoolLead(), at("2026-03-03T09:00")))
                        .rule())
                .isEqualTo(CaseworkRule.NO_SUCH_ACTION);
        assertThat(refused(acting.correctAction(
                                0, ActionKind.VISIT, null, "wrong", CaseFixtures.inspector(), at("2026-03-03T09:00")))
                        .rule())
                .isEqualTo(CaseworkRule.NOT_THE_RECEIVING_ORGANISATION);
    }

    @Test
    void aClosedReferralCanStillBeCorrected() {
        Referral closed = changed(acting.recordOutcome("support agreed", schoolLead(), at("2026-03-10T10:00")))
                .after();
        Referral corrected = changed(closed.correctAction(
                        0,
                        ActionKind.VISIT,
                        "visited on the 2nd, not the 3rd",
                        "wrong date in the note",
                        schoolLead(),
                        at("2026-03-11T10:00")))
                .after();
        assertThat(corrected.state()).isEqualTo(ReferralState.CLOSED);
        assertThat(corrected.actions()).hasSize(2);
    }
}

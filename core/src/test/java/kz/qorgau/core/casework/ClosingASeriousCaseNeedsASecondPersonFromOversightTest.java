package kz.qorgau.core.casework;

import static kz.qorgau.core.Almaty.at;
import static kz.qorgau.core.casework.CaseFixtures.COMMISSIONER;
import static kz.qorgau.core.casework.CaseFixtures.RULES;
import static kz.qorgau.core.casework.CaseFixtures.SCHOOL_1;
import static kz.qorgau.core.casework.CaseFixtures.caseFrom;
import static kz.qorgau.core.casework.CaseFixtures.changed;
import static kz.qorgau.core.casework.CaseFixtures.commissionerApprover;
import static kz.qorgau.core.casework.CaseFixtures.commissionerWorker;
import static kz.qorgau.core.casework.CaseFixtures.educationSupervisor;
import static kz.qorgau.core.casework.CaseFixtures.referredTo;
import static kz.qorgau.core.casework.CaseFixtures.refused;
import static kz.qorgau.core.casework.CaseFixtures.reportFromParent;
import static kz.qorgau.core.casework.CaseFixtures.reportOfBullying;
import static kz.qorgau.core.casework.CaseFixtures.schoolLead;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.qorgau.core.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class ClosingASeriousCaseNeedsASecondPersonFromOversightTest {

    private final Case highRisk = caseFrom(reportFromParent(at("2026-04-06T10:00")));
    private final Referral atSchool = referredTo(highRisk, SCHOOL_1);

    @Test
    void closingAHighRiskCaseWithoutApprovalIsRefused() {
        Refused refusal = refused(highRisk.close("resolved", schoolLead(), at("2026-04-07T10:00"), List.of(atSchool)));

        assertThat(refusal.rule()).isEqualTo(CaseworkRule.CLOSE_NEEDS_OVERSIGHT_APPROVAL);
        assertThat(refusal.rule().code()).isEqualTo("close-needs-oversight-approval");
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        Case requested = changed(highRisk.requestClose("resolved", commissionerWorker(), at("2026-04-07T10:00")))
                .after();

        assertThat(refused(requested.approveClose(commissionerWorker(), at("2026-04-07T11:00"), List.of(atSchool)))
                        .rule())
                .isEqualTo(CaseworkRule.APPROVER_IS_REQUESTER);
    }

    @Test
    void onlyAPersonWithTheOversightRoleApproves() {
        Case requested = changed(highRisk.requestClose("resolved", schoolLead(), at("2026-04-07T10:00")))
                .after();

        assertThat(refused(requested.approveClose(educationSupervisor(), at("2026-04-07T11:00"), List.of(atSchool)))
                        .rule())
                .isEqualTo(CaseworkRule.APPROVER_NOT_OVERSIGHT);
    }

    @Test
    void aSecondPersonFromOversightClosesTheCaseAndItsReferrals() {
        Case requested = changed(
                        highRisk.requestClose("child safe, offenders charged", schoolLead(), at("2026-04-07T10:00")))
                .after();
        assertThat(requested.status()).isEqualTo(CaseStatus.CLOSE_REQUESTED);
        assertThat(refused(requested.requestClose("again", schoolLead(), at("2026-04-07T10:30")))
                        .rule())
                .isEqualTo(CaseworkRule.CLOSE_ALREADY_REQUESTED);

        CaseChanged approval =
                changed(requested.approveClose(commissionerApprover(), at("2026-04-08T09:00"), List.of(atSchool)));

        assertThat(approval.after().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(approval.after().closure().requestedBy()).isEqualTo(schoolLead());
        assertThat(approval.after().closure().approvedBy()).isEqualTo(commissionerApprover());
        assertThat(approval.event().kind()).isEqualTo(CaseEvent.Kind.CLOSE_APPROVED);
        assertThat(approval.referralChanges()).singleElement().satisfies(c -> {
            assertThat(c.after().state()).isEqualTo(ReferralState.CLOSED);
            assertThat(c.event().kind()).isEqualTo(ReferralEvent.Kind.CLOSED_WITH_CASE);
        });
        assertThat(refused(approval.after()
                                .refer(
                                        CaseFixtures.referralId(),
                                        COMMISSIONER,
                                        "again",
                                        commissionerWorker(),
                                        at("2026-04-09T09:00"),
                                        List.of(),
                                        RULES))
                        .rule())
                .isEqualTo(CaseworkRule.CASE_CLOSED);
    }

    @Test
    void oversightCanRejectTheRequestAndTheCaseStaysOpen() {
        Case requested = changed(highRisk.requestClose("resolved", schoolLead(), at("2026-04-07T10:00")))
                .after();

        Case reopened = changed(requested.rejectClose(
                        "the girl was not interviewed", commissionerApprover(), at("2026-04-07T12:00")))
                .after();

        assertThat(reopened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(reopened.closure()).isNull();
        assertThat(refused(reopened.approveClose(commissionerApprover(), at("2026-04-07T13:00"), List.of()))
                        .rule())
                .isEqualTo(CaseworkRule.NO_CLOSE_REQUEST);
    }

    @Test
    void loweringTheRiskDoesNotAvoidTheApproval() {
        Case lowered = changed(highRisk.setRisk(
                        RiskLevel.STANDARD,
                        "girl is home every night",
                        schoolLead(),
                        at("2026-04-07T10:00"),
                        List.of(atSchool),
                        RULES))
                .after();

        assertThat(lowered.risk()).isEqualTo(RiskLevel.STANDARD);
        assertThat(refused(lowered.close("resolved", schoolLead(), at("2026-04-07T11:00"), List.of(atSchool)))
                        .rule())
                .isEqualTo(CaseworkRule.CLOSE_NEEDS_OVERSIGHT_APPROVAL);
    }

    @Test
    void aStandardCaseClosesWithoutApproval() {
        Case bullying = caseFrom(reportOfBullying(at("2026-04-06T10:00")));

        CaseChanged closed = changed(
                bullying.close("pupils reconciled, class talk held", schoolLead(), at("2026-04-10T10:00"), List.of()));

        assertThat(closed.after().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.after().closure().approvedBy()).isNull();
        assertThat(refused(closed.after().close("again", schoolLead(), at("2026-04-10T11:00"), List.of()))
                        .rule())
                .isEqualTo(CaseworkRule.CASE_CLOSED);
    }
}

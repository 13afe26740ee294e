package kz.qorgau.core.casework;

import static kz.qorgau.core.Almaty.at;
import static kz.qorgau.core.casework.CaseFixtures.COMMISSIONER;
import static kz.qorgau.core.casework.CaseFixtures.DISTRICT_EDUCATION;
import static kz.qorgau.core.casework.CaseFixtures.JUVENILE_POLICE;
import static kz.qorgau.core.casework.CaseFixtures.PROSECUTOR;
import static kz.qorgau.core.casework.CaseFixtures.REGIONAL_POLICE;
import static kz.qorgau.core.casework.CaseFixtures.RULES;
import static kz.qorgau.core.casework.CaseFixtures.SCHOOL_1;
import static kz.qorgau.core.casework.CaseFixtures.commissionerApprover;
import static kz.qorgau.core.casework.CaseFixtures.commissionerWorker;
import static kz.qorgau.core.casework.CaseFixtures.educationSupervisor;
import static kz.qorgau.core.casework.CaseFixtures.inspector;
import static kz.qorgau.core.casework.CaseFixtures.intake;
import static kz.qorgau.core.casework.CaseFixtures.refused;
import static kz.qorgau.core.casework.CaseFixtures.reportFromParent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.qorgau.core.Timeline;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.ImmediateNotice;
import kz.qorgau.core.policy.RequiredStep;
import kz.qorgau.core.risk.RiskLevel;
import org.junit.jupiter.api.Test;

/**
 * The story of issue 3 at domain level: a mother reports to school No. 1 in March; the school never
 * acknowledges; the case climbs to the district education department, which brings in the police; the
 * mother flags threats by the inspector; the case reaches the Commissioner and is hidden from the
 * inspectorate; the Commissioner acts and, with a second person, closes it. Time only moves when the
 * test moves it.
 */
class StoryOfIssueThreeTest {

    private final Timeline clock = Timeline.startingAt("2026-03-02T18:40");
    private final List<ReporterStatus> seenByReporter = new ArrayList<>();

    @Test
    void aReportNobodyAnswersClimbsUntilSomebodyActs() {
        // Monday evening: the mother reports behaviour change, falling grades and nights away.
        Report report = reportFromParent(clock.now());
        InMemoryRegion region = new InMemoryRegion(
                RULES,
                List.of(SCHOOL_1, DISTRICT_EDUCATION, JUVENILE_POLICE, REGIONAL_POLICE, PROSECUTOR, COMMISSIONER),
                Case.open(
                        CaseFixtures.caseId(),
                        new Child("A.", 16, "School No. 1", "Qyzylorda"),
                        report,
                        intake(),
                        clock.now(),
                        RULES));
        assertThat(region.theCase().risk()).isEqualTo(RiskLevel.HIGH);
        Referral atSchool = region.refer(SCHOOL_1, "the report names school No. 1", intake(), clock.now());
        assertThat(atSchool.acknowledgeBy()).isEqualTo(at("2026-03-04T00:00"));
        see(region);

        // The school says nothing. Tuesday passes; at midnight the scheduler finds the step overdue.
        assertThat(region.sweep(clock.advanceTo("2026-03-03T23:00"))).isEmpty();
        List<EscalationOutcome.Escalated> escalations = region.sweep(clock.advanceTo("2026-03-04T00:00"));
        assertThat(escalations).singleElement().satisfies(e -> {
            assertThat(e.missed()).isEqualTo(RequiredStep.ACKNOWLEDGE);
            assertThat(e.step().receiver()).isEqualTo(OrganisationType.DISTRICT_EDUCATION);
        });
        assertThat(region.sweep(clock.now())).as("exactly once").isEmpty();
        assertThat(region.sweep(clock.advance(Duration.ofMinutes(5))))
                .as("also on the next sweep")
                .isEmpty();
        Referral atDistrict = region.referralAt(DISTRICT_EDUCATION);
        assertThat(atDistrict.basis()).isEqualTo(ReferralBasis.ESCALATED);
        assertThat(region.referral(atSchool.id()).state()).isEqualTo(ReferralState.ESCALATED);
        see(region);

        // Thursday: the department acknowledges and brings in the juvenile police.
        clock.advanceTo("2026-03-05T10:00");
        region.apply(region.referralAt(DISTRICT_EDUCATION).acknowledge(educationSupervisor(), clock.now()));
        see(region);
        region.apply(region.referralAt(DISTRICT_EDUCATION)
                .referOn(
                        JUVENILE_POLICE,
                        "nights away, possible exploitation",
                        educationSupervisor(),
                        clock.now(),
                        RULES));
        Referral atPolice = region.referralAt(JUVENILE_POLICE);
        assertThat(atPolice.basis()).isEqualTo(ReferralBasis.REFERRED_ON);
        see(region);
        clock.advanceTo("2026-03-06T11:00");
        region.apply(region.referralAt(JUVENILE_POLICE).acknowledge(inspector(), clock.now()));
        see(region);

        // Tuesday evening: the mother writes that the inspector threatened her.
        clock.advanceTo("2026-03-10T20:00");
        CaseChanged flagged = (CaseChanged) region.apply(region.theCase()
                .flagConflict(
                        new ConflictSignal(ConflictSignal.Kind.REPORTER_THREATENED, JUVENILE_POLICE),
                        intake(),
                        clock.now(),
                        region.referrals(),
                        RULES));
        assertThat(flagged.notices()).containsExactly(ImmediateNotice.OVERSIGHT);
        assertThat(region.theCase().isHiddenFrom(JUVENILE_POLICE.code())).isTrue();
        assertThat(region.referral(atPolice.id()).state()).isEqualTo(ReferralState.ESCALATED);
        Referral atCommissioner = region.referralAt(COMMISSIONER);
        assertThat(atCommissioner.basis()).isEqualTo(ReferralBasis.CONFLICT_OF_INTEREST);
        see(region);

        // Midnight: the department's first protective action is overdue too; the next rung is the
        // Commissioner, who already has the case, so no second referral is opened.
        List<EscalationOutcome.Escalated> second = region.sweep(clock.advanceTo("2026-03-11T00:00"));
        assertThat(second).singleElement().satisfies(e -> {
            assertThat(e.missed()).isEqualTo(RequiredStep.FIRST_PROTECTIVE_ACTION);
            assertThat(e.step().receiver()).isEqualTo(OrganisationType.COMMISSIONER);
        });
        assertThat(region.refusedOpenings()).extracting(Refused::rule).containsExactly(CaseworkRule.ALREADY_REFERRED);
        assertThat(region.referrals())
                .filteredOn(r -> r.organisation().equals(COMMISSIONER))
                .hasSize(1);

        // Wednesday: the Commissioner's office acknowledges, finds the escort ads and raises the risk.
        clock.advanceTo("2026-03-11T09:00");
        region.apply(region.referralAt(COMMISSIONER).acknowledge(commissionerWorker(), clock.now()));
        CaseChanged raised = (CaseChanged) region.apply(region.theCase()
                .setRisk(
                        RiskLevel.CRITICAL,
                        "escort ads with her photos found",
                        commissionerWorker(),
                        clock.now(),
                        region.referrals(),
                        RULES));
        assertThat(raised.notices()).containsExactlyInAnyOrder(ImmediateNotice.POLICE, ImmediateNotice.OVERSIGHT);
        assertThat(region.referralAt(COMMISSIONER).actBy()).isEqualTo(at("2026-03-12T09:00"));
        clock.advanceTo("2026-03-11T15:00");
        region.apply(region.referralAt(COMMISSIONER)
                .recordAction(
                        ActionKind.POLICE_REPORT_REGISTERED,
                        "statement filed with the regional police",
                        commissionerWorker(),
                        clock.now()));
        assertThat(region.sweep(clock.advanceTo("2026-03-12T09:00"))).isEmpty();

        // Every missed step is on record, with the organisation that missed it.
        assertThat(region.referralEvents())
                .filteredOn(e -> e.kind() == ReferralEvent.Kind.ESCALATED)
                .extracting(ReferralEvent::missedStep, ReferralEvent::escalatedTo)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                RequiredStep.ACKNOWLEDGE, OrganisationType.DISTRICT_EDUCATION),
                        org.assertj.core.groups.Tuple.tuple(
                                RequiredStep.FIRST_PROTECTIVE_ACTION, OrganisationType.COMMISSIONER));
        assertThat(region.referral(atSchool.id()).acknowledgement().isOverdueAt(clock.now()))
                .isTrue();
        assertThat(region.referral(atDistrict.id()).firstProtectiveAction().isOverdueAt(clock.now()))
                .isTrue();

        // The eve of Nauryz: the Commissioner asks to close; a second person from oversight approves.
        clock.advanceTo("2026-03-20T17:00");
        region.apply(region.referralAt(COMMISSIONER)
                .recordOutcome(
                        "offenders charged, girl and mother under protection", commissionerWorker(), clock.now()));
        region.apply(region.theCase().requestClose("offenders charged, girl safe", commissionerWorker(), clock.now()));
        assertThat(refused(region.theCase().approveClose(commissionerWorker(), clock.now(), region.referrals()))
                        .rule())
                .isEqualTo(CaseworkRule.APPROVER_IS_REQUESTER);
        region.apply(region.theCase()
                .approveClose(commissionerApprover(), clock.advance(Duration.ofMinutes(30)), region.referrals()));
        assertThat(region.theCase().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(region.referrals()).allSatisfy(r -> assertThat(r.isOpen()).isFalse());
        see(region);

        assertThat(seenByReporter)
                .containsExactly(
                        new ReporterStatus.Received(),
                        new ReporterStatus.EscalatedTo(OrganisationType.DISTRICT_EDUCATION),
                        new ReporterStatus.BeingHandled(Set.of(OrganisationType.DISTRICT_EDUCATION)),
                        new ReporterStatus.BeingHandled(
                                Set.of(OrganisationType.DISTRICT_EDUCATION, OrganisationType.JUVENILE_POLICE)),
                        new ReporterStatus.EscalatedTo(OrganisationType.COMMISSIONER),
                        new ReporterStatus.Closed("offenders charged, girl safe"));
        assertThat(region.caseEvents())
                .extracting(CaseEvent::kind)
                .containsExactly(
                        CaseEvent.Kind.OPENED,
                        CaseEvent.Kind.CONFLICT_FLAGGED,
                        CaseEvent.Kind.RISK_SET,
                        CaseEvent.Kind.CLOSE_REQUESTED,
                        CaseEvent.Kind.CLOSE_APPROVED);
    }

    @Test
    void twoSchedulersEvaluatingTheSameVersionEscalateOnce() {
        Timeline t = Timeline.startingAt("2026-03-02T18:40");
        InMemoryRegion region = new InMemoryRegion(
                RULES,
                List.of(SCHOOL_1, DISTRICT_EDUCATION, COMMISSIONER),
                Case.open(CaseFixtures.caseId(), Child.unknown(), reportFromParent(t.now()), intake(), t.now(), RULES));
        Referral stored = region.refer(SCHOOL_1, "named in the report", intake(), t.now());
        t.advanceTo("2026-03-04T00:00");

        // Both instances read the same stored version and decide alike.
        var first = (EscalationOutcome.Escalated) stored.escalate(t.now(), RULES);
        var second = (EscalationOutcome.Escalated) stored.escalate(t.now(), RULES);
        assertThat(second).isEqualTo(first);

        // Only one conditional update succeeds; the loser re-reads and is told it is done.
        assertThat(region.storeIfUnchanged(first.after(), first.event())).isTrue();
        assertThat(region.storeIfUnchanged(second.after(), second.event())).isFalse();
        assertThat(region.referral(stored.id()).escalate(t.now(), RULES))
                .isInstanceOf(EscalationOutcome.AlreadyEscalated.class);
    }

    private void see(InMemoryRegion region) {
        ReporterStatus status = region.reporterStatus();
        if (seenByReporter.isEmpty() || !seenByReporter.getLast().equals(status)) {
            seenByReporter.add(status);
        }
    }
}

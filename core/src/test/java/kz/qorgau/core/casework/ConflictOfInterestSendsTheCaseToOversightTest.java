package kz.qorgau.core.casework;

import static kz.qorgau.core.Almaty.at;
import static kz.qorgau.core.casework.CaseFixtures.COMMISSIONER;
import static kz.qorgau.core.casework.CaseFixtures.JUVENILE_POLICE;
import static kz.qorgau.core.casework.CaseFixtures.PROSECUTOR;
import static kz.qorgau.core.casework.CaseFixtures.RULES;
import static kz.qorgau.core.casework.CaseFixtures.SCHOOL_1;
import static kz.qorgau.core.casework.CaseFixtures.caseFrom;
import static kz.qorgau.core.casework.CaseFixtures.intake;
import static kz.qorgau.core.casework.CaseFixtures.opened;
import static kz.qorgau.core.casework.CaseFixtures.referralId;
import static kz.qorgau.core.casework.CaseFixtures.referredTo;
import static kz.qorgau.core.casework.CaseFixtures.refused;
import static kz.qorgau.core.casework.CaseFixtures.reportFromParent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.ImmediateNotice;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.Concern;
import org.junit.jupiter.api.Test;

class ConflictOfInterestSendsTheCaseToOversightTest {

    private final Case aCase = caseFrom(reportFromParent(at("2026-04-06T10:00")));
    private final Referral atPolice = referredTo(aCase, JUVENILE_POLICE);
    private final ConflictSignal threatenedByInspector =
            new ConflictSignal(ConflictSignal.Kind.REPORTER_THREATENED, JUVENILE_POLICE);

    @Test
    void aThreatHidesTheCaseFromThatOrganisationAndSendsItToTheCommissioner() {
        CaseChanged change =
                aCase.flagConflict(threatenedByInspector, intake(), at("2026-04-07T20:00"), List.of(atPolice), RULES);

        assertThat(change.after().isHiddenFrom(JUVENILE_POLICE.code())).isTrue();
        assertThat(change.after().isHiddenFrom(SCHOOL_1.code())).isFalse();
        assertThat(change.notices()).containsExactly(ImmediateNotice.OVERSIGHT);
        assertThat(change.event().conflict()).isEqualTo(threatenedByInspector);
        assertThat(change.referralChanges()).singleElement().satisfies(c -> {
            assertThat(c.after().state()).isEqualTo(ReferralState.ESCALATED);
            assertThat(c.after().escalation().cause()).isEqualTo(Referral.Escalation.Cause.CONFLICT_OF_INTEREST);
            assertThat(c.event().kind()).isEqualTo(ReferralEvent.Kind.ESCALATED_FOR_CONFLICT);
        });
        ReferralOpening opening = change.opening().orElseThrow();
        assertThat(opening.receiverType()).isEqualTo(OrganisationType.COMMISSIONER);
        assertThat(opening.basis()).isEqualTo(ReferralBasis.CONFLICT_OF_INTEREST);
        assertThat(opening.from()).isEqualTo(atPolice.id());
        assertThat(opening.reason()).contains("reporter-threatened by juvenile-police-qyzylorda");

        Referral atCommissioner = opened(change.after()
                .referTo(
                        opening,
                        referralId(),
                        COMMISSIONER,
                        List.of(change.referralChanges().get(0).after())));
        assertThat(atCommissioner.escalationDueAt(RULES.ladders()))
                .as("the Commissioner is the top")
                .isEmpty();
    }

    @Test
    void theCaseCannotBeReferredBackToThatOrganisation() {
        Case hidden = aCase.flagConflict(
                        threatenedByInspector, intake(), at("2026-04-07T20:00"), List.of(atPolice), RULES)
                .after();

        assertThat(refused(hidden.refer(
                                referralId(),
                                JUVENILE_POLICE,
                                "try again",
                                intake(),
                                at("2026-04-08T09:00"),
                                List.of(),
                                RULES))
                        .rule())
                .isEqualTo(CaseworkRule.ORGANISATION_HAS_CONFLICT_OF_INTEREST);
    }

    @Test
    void aReportNamingStaffOpensTheCaseAlreadyHiddenAndBoundForOversight() {
        Report naming = new Report(
                CaseFixtures.reportId(),
                at("2026-04-06T10:00"),
                Concern.about(Category.SEXUAL_ABUSE),
                List.of(new ConflictSignal(ConflictSignal.Kind.STAFF_NAMED, SCHOOL_1)));

        CaseChanged opened =
                Case.open(CaseFixtures.caseId(), Child.unknown(), naming, intake(), at("2026-04-06T10:00"), RULES);

        assertThat(opened.after().hiddenFrom()).containsExactly(SCHOOL_1.code());
        assertThat(opened.notices()).contains(ImmediateNotice.OVERSIGHT);
        assertThat(opened.opening())
                .hasValueSatisfying(o -> assertThat(o.receiverType()).isEqualTo(OrganisationType.COMMISSIONER));
    }

    @Test
    void whenTheCommissionersOfficeIsConflictedTheProsecutorTakesIt() {
        CaseChanged change = aCase.flagConflict(
                new ConflictSignal(ConflictSignal.Kind.STATEMENT_REFUSED, COMMISSIONER),
                intake(),
                at("2026-04-07T20:00"),
                List.of(),
                RULES);

        assertThat(change.opening())
                .hasValueSatisfying(o -> assertThat(o.receiverType()).isEqualTo(OrganisationType.PROSECUTOR));
        Referral atProsecutor =
                opened(change.after().referTo(change.opening().get(), referralId(), PROSECUTOR, List.of()));
        assertThat(atProsecutor.basis()).isEqualTo(ReferralBasis.CONFLICT_OF_INTEREST);
    }

    @Test
    void noSecondOversightReferralWhenTheCommissionerAlreadyHasTheCase() {
        Referral atCommissioner = referredTo(aCase, COMMISSIONER);

        CaseChanged change = aCase.flagConflict(
                threatenedByInspector, intake(), at("2026-04-07T20:00"), List.of(atPolice, atCommissioner), RULES);

        assertThat(change.opening()).isEmpty();
        assertThat(change.notices()).containsExactly(ImmediateNotice.OVERSIGHT);
        assertThat(Set.copyOf(change.after().hiddenFrom())).containsExactly(JUVENILE_POLICE.code());
    }
}

package kz.qorgau.core.casework;

import static kz.qorgau.core.Almaty.at;
import static kz.qorgau.core.casework.CaseFixtures.RULES;
import static kz.qorgau.core.casework.CaseFixtures.SCHOOL_1;
import static kz.qorgau.core.casework.CaseFixtures.caseFrom;
import static kz.qorgau.core.casework.CaseFixtures.changed;
import static kz.qorgau.core.casework.CaseFixtures.commissionerWorker;
import static kz.qorgau.core.casework.CaseFixtures.referredTo;
import static kz.qorgau.core.casework.CaseFixtures.refused;
import static kz.qorgau.core.casework.CaseFixtures.reportOfBullying;
import static kz.qorgau.core.casework.CaseFixtures.reportOfExploitation;
import static kz.qorgau.core.casework.CaseFixtures.schoolLead;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.qorgau.core.policy.ImmediateNotice;
import kz.qorgau.core.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class RiskOverrideIsANewVersionWithWhoAndWhyTest {

    private final Case bullying = caseFrom(reportOfBullying(at("2026-04-13T10:00")));
    private final Referral atSchool = referredTo(bullying, SCHOOL_1);

    @Test
    void theInitialRiskComesFromTheModelWithItsReasons() {
        assertThat(bullying.riskHistory()).singleElement().satisfies(v -> {
            assertThat(v.number()).isEqualTo(1);
            assertThat(v.level()).isEqualTo(RiskLevel.STANDARD);
            assertThat(v.by()).isEqualTo(Case.RISK_MODEL);
        });
        Case exploitation = caseFrom(reportOfExploitation(at("2026-04-13T10:00")));
        assertThat(exploitation.risk()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(exploitation.riskHistory().get(0).reason()).contains("sexual-exploitation");
    }

    @Test
    void raisingToCriticalKeepsTheOldVersionTellsPoliceAndOversightAndShortensDeadlines() {
        CaseChanged change = changed(bullying.setRisk(
                RiskLevel.CRITICAL,
                "photos used to blackmail her",
                commissionerWorker(),
                at("2026-04-14T16:00"),
                List.of(atSchool),
                RULES));

        assertThat(change.after().riskHistory())
                .extracting(RiskVersion::level)
                .containsExactly(RiskLevel.STANDARD, RiskLevel.CRITICAL);
        RiskVersion override = change.after().riskHistory().get(1);
        assertThat(override.by()).isEqualTo(commissionerWorker());
        assertThat(override.reason()).isEqualTo("photos used to blackmail her");
        assertThat(change.event().kind()).isEqualTo(CaseEvent.Kind.RISK_SET);
        assertThat(change.notices()).containsExactlyInAnyOrder(ImmediateNotice.POLICE, ImmediateNotice.OVERSIGHT);
        assertThat(change.referralChanges()).singleElement().satisfies(c -> {
            assertThat(c.after().risk()).isEqualTo(RiskLevel.CRITICAL);
            assertThat(c.after().acknowledgeBy()).isEqualTo(at("2026-04-14T17:00"));
            assertThat(c.after().actBy()).isEqualTo(at("2026-04-15T16:00"));
        });
    }

    @Test
    void loweringNeverLengthensADeadline() {
        Case critical = caseFrom(reportOfExploitation(at("2026-04-13T10:00")));
        Referral referral = referredTo(critical, SCHOOL_1);

        CaseChanged change = changed(critical.setRisk(
                RiskLevel.STANDARD,
                "report was a prank",
                schoolLead(),
                at("2026-04-13T10:30"),
                List.of(referral),
                RULES));

        assertThat(change.notices()).isEmpty();
        assertThat(change.referralChanges()).singleElement().satisfies(c -> {
            assertThat(c.after().risk()).isEqualTo(RiskLevel.STANDARD);
            assertThat(c.after().acknowledgeBy()).isEqualTo(referral.acknowledgeBy());
            assertThat(c.after().actBy()).isEqualTo(referral.actBy());
        });
    }

    @Test
    void settingTheSameLevelIsRefused() {
        assertThat(refused(bullying.setRisk(
                                RiskLevel.STANDARD,
                                "no change",
                                schoolLead(),
                                at("2026-04-13T11:00"),
                                List.of(),
                                RULES))
                        .rule())
                .isEqualTo(CaseworkRule.RISK_UNCHANGED);
    }

    @Test
    void aLaterReportRatedHigherRaisesTheRiskByTheModel() {
        CaseChanged change = changed(bullying.addReport(
                reportOfExploitation(at("2026-04-15T09:00")),
                CaseFixtures.intake(),
                at("2026-04-15T09:00"),
                List.of(atSchool),
                RULES));

        assertThat(change.after().reports()).hasSize(2);
        assertThat(change.after().risk()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(change.after().riskHistory().get(1).by()).isEqualTo(Case.RISK_MODEL);
        assertThat(change.event().risk()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(change.notices()).contains(ImmediateNotice.POLICE, ImmediateNotice.OVERSIGHT);
        assertThat(change.after().firstContactAt()).isEqualTo(at("2026-04-13T10:00"));
    }
}

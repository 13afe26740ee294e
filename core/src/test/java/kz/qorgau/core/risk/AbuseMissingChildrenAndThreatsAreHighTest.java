package kz.qorgau.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AbuseMissingChildrenAndThreatsAreHighTest {

    private final RiskModel model = RiskModel.current();

    @Test
    void sexualAndPhysicalAbuseAreHigh() {
        assertThat(model.assess(Concern.about(Category.SEXUAL_ABUSE)).level()).isEqualTo(RiskLevel.HIGH);
        assertThat(model.assess(Concern.about(Category.PHYSICAL_ABUSE)).level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void aChildAwayFromHomeAtNightIsHigh() {
        RiskAssessment assessment = model.assess(Concern.about(Category.MISSING_FROM_HOME, Category.OTHER));
        assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(assessment.reasons()).containsExactly(RiskModel.MISSING_FROM_HOME_IS_HIGH);
    }

    @Test
    void aThreatenedReporterRaisesAnyConcernToHigh() {
        assertThat(model.assess(new Concern(Set.of(Category.OTHER), null, Set.of(ConcernFlag.REPORTER_THREATENED)))
                        .level())
                .isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void neglectIsHighOnlyForAChildUnderSeven() {
        assertThat(model.assess(new Concern(Set.of(Category.NEGLECT), 4, Set.of()))
                        .level())
                .isEqualTo(RiskLevel.HIGH);
        assertThat(model.assess(new Concern(Set.of(Category.NEGLECT), 12, Set.of()))
                        .level())
                .isEqualTo(RiskLevel.STANDARD);
        assertThat(model.assess(new Concern(Set.of(Category.NEGLECT), null, Set.of()))
                        .level())
                .isEqualTo(RiskLevel.STANDARD);
    }
}

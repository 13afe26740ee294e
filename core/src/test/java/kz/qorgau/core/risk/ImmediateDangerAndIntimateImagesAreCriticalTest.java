package kz.qorgau.core.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ImmediateDangerAndIntimateImagesAreCriticalTest {

    private final RiskModel model = RiskModel.current();

    @Test
    void bullyingWithImmediateDangerIsCritical() {
        RiskAssessment assessment =
                model.assess(new Concern(Set.of(Category.BULLYING), 13, Set.of(ConcernFlag.IMMEDIATE_DANGER)));
        assertThat(assessment.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(assessment.reasons()).containsExactly(RiskModel.IMMEDIATE_DANGER_IS_CRITICAL);
    }

    @Test
    void onlineHarmWithIntimateImagesIsCritical() {
        RiskAssessment assessment =
                model.assess(new Concern(Set.of(Category.ONLINE_HARM), 16, Set.of(ConcernFlag.INTIMATE_IMAGES)));
        assertThat(assessment.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(assessment.explanation()).contains(RiskModel.INTIMATE_IMAGES_ARE_CRITICAL);
    }
}

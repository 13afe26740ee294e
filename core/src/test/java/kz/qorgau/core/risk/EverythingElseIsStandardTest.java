package kz.qorgau.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EverythingElseIsStandardTest {

    @Test
    void bullyingOnlineHarmAndOtherConcernsAreStandard() {
        RiskAssessment assessment =
                RiskModel.current().assess(Concern.about(Category.BULLYING, Category.ONLINE_HARM, Category.OTHER));
        assertThat(assessment.level()).isEqualTo(RiskLevel.STANDARD);
        assertThat(assessment.reasons()).isEmpty();
        assertThat(assessment.explanation()).contains("no rule");
    }

    @Test
    void aConcernNeedsACategoryAndAChildsAge() {
        assertThatThrownBy(() -> new Concern(Set.of(), null, Set.of())).hasMessageContaining("OTHER");
        assertThatThrownBy(() -> new Concern(Set.of(Category.OTHER), 18, Set.of()))
                .hasMessageContaining("0 to 17");
    }
}

package kz.qorgau.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.TimeLimit;
import org.junit.jupiter.api.Test;

class EscalationLaddersFromSettingsTest {

    @Test
    void laddersAreBuiltFromPlainDataWithoutCode() {
        List<EscalationLadder.Settings> settings = new ArrayList<>();
        for (EscalationLadder ladder : EscalationLadders.current().all()) {
            if (ladder.origin() == OrganisationType.SCHOOL) {
                settings.add(new EscalationLadder.Settings(
                        "school",
                        List.of(
                                new EscalationStep.Settings("district-education", "PT4H", "2WD"),
                                new EscalationStep.Settings("prosecutor", "1WD", "3WD"),
                                new EscalationStep.Settings("commissioner", "1WD", "5WD"))));
            } else {
                settings.add(new EscalationLadder.Settings(
                        ladder.origin().code(),
                        ladder.steps().stream()
                                .map(s -> new EscalationStep.Settings(
                                        s.receiver().code(),
                                        s.acknowledgeWithin().code(),
                                        s.actWithin().code()))
                                .toList()));
            }
        }
        EscalationLadders ladders = EscalationLadders.fromSettings(settings);
        EscalationLadder school = ladders.ladderFor(OrganisationType.SCHOOL);
        assertThat(school.height()).isEqualTo(3);
        assertThat(school.stepAt(1).acknowledgeWithin()).isEqualTo(TimeLimit.clockHours(4));
        assertThat(school.typeAt(2)).isEqualTo(OrganisationType.PROSECUTOR);
        assertThat(ladders.ladderFor(OrganisationType.HELPLINE))
                .isEqualTo(EscalationLadders.current().ladderFor(OrganisationType.HELPLINE));
    }

    @Test
    void aLadderThatReturnsToABodyItPassedIsRejected() {
        assertThatThrownBy(() -> new EscalationLadder.Settings(
                                "school",
                                List.of(
                                        new EscalationStep.Settings("commissioner", "1WD", "3WD"),
                                        new EscalationStep.Settings("school", "1WD", "3WD")))
                        .toLadder())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("school");
    }

    @Test
    void everyOrganisationTypeNeedsALadder() {
        assertThatThrownBy(() ->
                        EscalationLadders.of(List.of(EscalationLadders.current().ladderFor(OrganisationType.SCHOOL))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commissioner");
    }

    @Test
    void anUnknownTypeOrLimitIsNamed() {
        assertThatThrownBy(() -> new EscalationStep.Settings("mayor", "1WD", "3WD").toStep())
                .hasMessageContaining("'mayor'");
        assertThatThrownBy(() -> new EscalationStep.Settings("prosecutor", "1WD", "soon").toStep())
                .hasMessageContaining("act-within");
    }
}

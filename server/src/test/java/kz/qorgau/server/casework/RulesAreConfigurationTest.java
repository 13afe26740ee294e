package kz.qorgau.server.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import kz.qorgau.core.casework.CaseworkRules;
import kz.qorgau.core.escalation.EscalationLadder;
import kz.qorgau.core.escalation.EscalationLadders;
import kz.qorgau.core.escalation.EscalationStep;
import kz.qorgau.core.organisation.OrganisationType;
import kz.qorgau.core.policy.TimeLimit;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.RiskLevel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Ladders and deadline policies are configuration (docs/casework.md): the properties an operator
 * writes under {@code qorgau.casework} bind to the settings and become the rules the server runs.
 */
class RulesAreConfigurationTest {

    private static CaseworkRules rules(Map<String, String> properties) throws Exception {
        CaseworkSettings settings = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("qorgau.casework", CaseworkSettings.class);
        return new CaseworkConfiguration().caseworkRules(settings);
    }

    /** Every default ladder as properties, the school's replaced by a shorter one. */
    private static Map<String, String> laddersWithAFasterSchoolLadder() {
        Map<String, String> properties = new LinkedHashMap<>();
        int i = 0;
        for (EscalationLadder ladder : EscalationLadders.current().all()) {
            String prefix = "qorgau.casework.ladders[" + i++ + "].";
            properties.put(prefix + "origin", ladder.origin().code());
            if (ladder.origin() == OrganisationType.SCHOOL) {
                properties.put(prefix + "steps[0].receiver", "district-education");
                properties.put(prefix + "steps[0].acknowledge-within", "PT4H");
                properties.put(prefix + "steps[0].act-within", "2WD");
                properties.put(prefix + "steps[1].receiver", "commissioner");
                properties.put(prefix + "steps[1].acknowledge-within", "1WD");
                properties.put(prefix + "steps[1].act-within", "5WD");
                continue;
            }
            int j = 0;
            for (EscalationStep step : ladder.steps()) {
                String s = prefix + "steps[" + j++ + "].";
                properties.put(s + "receiver", step.receiver().code());
                properties.put(
                        s + "acknowledge-within", step.acknowledgeWithin().code());
                properties.put(s + "act-within", step.actWithin().code());
            }
        }
        return properties;
    }

    @Test
    void aLadderWrittenAsPropertiesIsTheLadderTheServerRuns() throws Exception {
        CaseworkRules rules = rules(laddersWithAFasterSchoolLadder());

        EscalationLadder school = rules.ladders().ladderFor(OrganisationType.SCHOOL);
        assertThat(school.height()).isEqualTo(2);
        assertThat(school.stepAt(1).acknowledgeWithin()).isEqualTo(TimeLimit.clockHours(4));
        assertThat(school.typeAt(2)).isEqualTo(OrganisationType.COMMISSIONER);
        assertThat(rules.ladders().ladderFor(OrganisationType.HELPLINE))
                .isEqualTo(EscalationLadders.current().ladderFor(OrganisationType.HELPLINE));
    }

    @Test
    void withoutPropertiesTheDefaultsOfDesignMdApply() throws Exception {
        CaseworkRules rules = rules(Map.of());
        assertThat(rules.ladders().all()).isEqualTo(EscalationLadders.current().all());
        assertThat(rules.policies().policyFor(RiskLevel.CRITICAL, java.util.Set.of(Category.SEXUAL_EXPLOITATION)))
                .isNotNull();
    }

    @Test
    void aMistakeInTheSettingsStopsTheServerNamingIt() {
        Map<String, String> properties = laddersWithAFasterSchoolLadder();
        properties.put("qorgau.casework.ladders[0].steps[0].act-within", "soon");
        assertThatThrownBy(() -> rules(properties))
                .hasMessageContaining("act-within")
                .hasMessageContaining("soon");
    }
}

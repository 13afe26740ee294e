package kz.qorgau.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.qorgau.core.risk.Category;
import kz.qorgau.core.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class DeadlinePoliciesFromSettingsTest {

    @Test
    void theDefaultsSurviveARoundTripThroughPlainSettings() {
        List<DeadlinePolicy.Settings> settings = DeadlinePolicies.current().all().stream()
                .map(DeadlinePolicy::toSettings)
                .toList();
        assertThat(DeadlinePolicies.fromSettings(settings).all())
                .isEqualTo(DeadlinePolicies.current().all());
    }

    @Test
    void aCategoryPolicyListedBeforeTheCatchAllWinsForItsCategory() {
        List<DeadlinePolicy.Settings> settings = new ArrayList<>();
        settings.add(new DeadlinePolicy.Settings(
                "missing-child",
                "high",
                List.of("missing-from-home"),
                "PT2H",
                "PT24H",
                "30WD",
                "3WD",
                List.of("police"),
                "a missing child is looked for at once"));
        DeadlinePolicies.current().all().forEach(p -> settings.add(p.toSettings()));
        DeadlinePolicies policies = DeadlinePolicies.fromSettings(settings);

        DeadlinePolicy missing = policies.policyFor(RiskLevel.HIGH, Set.of(Category.MISSING_FROM_HOME));
        assertThat(missing.name()).isEqualTo("missing-child");
        assertThat(missing.acknowledge()).isEqualTo(new TimeLimit.ClockTime(Duration.ofHours(2)));
        assertThat(missing.tellAtOnce()).containsExactly(ImmediateNotice.POLICE);
        assertThat(policies.policyFor(RiskLevel.HIGH, Set.of(Category.PHYSICAL_ABUSE))
                        .name())
                .isEqualTo(DeadlinePolicies.HIGH);
    }

    @Test
    void aBadSettingIsNamedWithItsPolicy() {
        assertThatThrownBy(() -> new DeadlinePolicy.Settings(
                                "quick", "high", null, "soon", "3WD", "30WD", "3WD", null, null)
                        .toPolicy())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deadline policy 'quick'")
                .hasMessageContaining("acknowledge")
                .hasMessageContaining("3WD");
        assertThatThrownBy(() -> new DeadlinePolicy.Settings(
                                "quick", "urgent", null, "1WD", "3WD", "30WD", "3WD", null, null)
                        .toPolicy())
                .hasMessageContaining("risk 'urgent'");
    }

    @Test
    void everyRiskLevelNeedsACatchAllPolicy() {
        List<DeadlinePolicy> withoutStandard = DeadlinePolicies.current().all().stream()
                .filter(p -> p.risk() != RiskLevel.STANDARD)
                .toList();
        assertThatThrownBy(() -> DeadlinePolicies.of(withoutStandard))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("standard");
    }

    @Test
    void timeLimitsReadWorkingDaysAndClockTime() {
        assertThat(TimeLimit.parse("3WD")).isEqualTo(TimeLimit.workingDays(3));
        assertThat(TimeLimit.parse(" 15 wd ")).isEqualTo(TimeLimit.workingDays(15));
        assertThat(TimeLimit.parse("PT1H")).isEqualTo(TimeLimit.clockHours(1));
        assertThat(TimeLimit.parse("P1D")).isEqualTo(TimeLimit.clockHours(24));
        assertThat(TimeLimit.workingDays(3).code()).isEqualTo("3WD");
        assertThatThrownBy(() -> TimeLimit.parse("0WD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeLimit.parse("-PT1H")).isInstanceOf(IllegalArgumentException.class);
    }
}

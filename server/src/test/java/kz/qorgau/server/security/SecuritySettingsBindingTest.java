package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import kz.qorgau.server.directory.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings bind from properties as docs/security.md describes them. */
class SecuritySettingsBindingTest {

    private static SecuritySettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("qorgau.security", SecuritySettings.class);
    }

    @Test
    void theDefaultsRequireACodeFromOversightAndAdministrators() {
        SecuritySettings settings = bind(Map.of());
        assertThat(settings.totpRequiredRoles()).containsExactlyInAnyOrder(Role.OVERSIGHT, Role.ADMINISTRATOR);
        assertThat(settings.session().idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.session().absoluteTimeout()).isEqualTo(Duration.ofHours(8));
        assertThat(settings.login().freeFailures()).isEqualTo(5);
        assertThat(settings.receipts().wrongPerMinute()).isEqualTo(60);
    }

    @Test
    void rolesAreReadInTheirCodeFormAndCanBeWidened() {
        SecuritySettings settings =
                bind(Map.of("qorgau.security.totp-required-roles", "oversight,administrator,case-worker,supervisor"));
        assertThat(settings.totpRequiredRoles())
                .containsExactlyInAnyOrder(Role.OVERSIGHT, Role.ADMINISTRATOR, Role.CASE_WORKER, Role.SUPERVISOR);
        assertThat(bind(Map.of("qorgau.security.totp-required-roles", "")).totpRequiredRoles())
                .as("empty turns the requirement off")
                .isEmpty();
        assertThat(bind(Map.of("qorgau.security.session.absolute-timeout", "12h"))
                        .session()
                        .absoluteTimeout())
                .isEqualTo(Duration.ofHours(12));
    }

    @Test
    void aNonsensicalValueIsRefusedWithThePropertyNamed() {
        assertThatThrownBy(() -> bind(Map.of("qorgau.security.session.idle-timeout", "0s")))
                .rootCause()
                .hasMessageContaining("qorgau.security.session.idle-timeout");
    }
}

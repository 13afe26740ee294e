package kz.qorgau.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The simulation clock moves forward for an administrator, never backwards, and for nobody else. */
@QorgauIntegrationTest
class SimulationClockIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    java.time.Clock clock;

    @Test
    void anAdministratorMovesTheClockForward() {
        String admin = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.ADMINISTRATION), Role.ADMINISTRATOR), "admin");
        Instant before = clock.instant();

        Http.Response moved =
                new Http(port).postJson("/api/v1/simulation/clock", "{\"advance\":\"P3D\"}", Fixtures.bearer(admin));

        assertThat(moved.status()).isEqualTo(200);
        Instant now = Instant.parse(moved.json().get("now").asString());
        assertThat(Duration.between(before, now)).isGreaterThanOrEqualTo(Duration.ofDays(3));
        assertThat(clock.instant()).isAfterOrEqualTo(now);
    }

    @Test
    void theClockNeverRunsBackwards() {
        String admin = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.ADMINISTRATION), Role.ADMINISTRATOR), "admin");
        Http http = new Http(port);
        assertThat(http.postJson("/api/v1/simulation/clock", "{\"advance\":\"-P1D\"}", Fixtures.bearer(admin))
                        .status())
                .isEqualTo(400);
        assertThat(http.postJson(
                                "/api/v1/simulation/clock", "{\"to\":\"2001-01-01T00:00:00Z\"}", Fixtures.bearer(admin))
                        .json()
                        .get("field")
                        .asString())
                .isEqualTo("to");
        assertThat(http.postJson("/api/v1/simulation/clock", "{\"advance\":\"P1M\"}", Fixtures.bearer(admin))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void onlyAnAdministratorMayMoveIt() {
        String worker = fixtures.token(fixtures.staff(fixtures.school(), Role.CASE_WORKER), "cases:read");
        Http http = new Http(port);
        assertThat(http.postJson("/api/v1/simulation/clock", "{\"advance\":\"P1D\"}", Fixtures.bearer(worker))
                        .status())
                .isEqualTo(403);
        assertThat(http.postJson("/api/v1/simulation/clock", "{\"advance\":\"P1D\"}")
                        .status())
                .isEqualTo(401);
    }
}

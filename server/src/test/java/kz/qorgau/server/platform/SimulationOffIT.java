package kz.qorgau.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** Without simulation mode (the default of {@code serve}) the clock endpoint does not exist. */
@ExtendWith(TestDatabase.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "qorgau.simulation.enabled=false")
@ContextConfiguration(initializers = TestDatabase.class)
class SimulationOffIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    java.time.Clock clock;

    @Test
    void theClockEndpointIsA404AndTheClockIsTheSystemClock() {
        String admin = fixtures.token(
                fixtures.staff(fixtures.organisation(OrganisationKind.ADMINISTRATION), Role.ADMINISTRATOR), "admin");
        Http.Response response =
                new Http(port).postJson("/api/v1/simulation/clock", "{\"advance\":\"P3D\"}", Fixtures.bearer(admin));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(clock).isNotInstanceOf(SimulationClock.class);
    }
}

package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Brute force on one account is throttled without locking out anyone else, and the throttle says
 * nothing about which logins exist. Runs on its own context: its failures drain the in-memory budget
 * of the source address (all tests come from 127.0.0.1).
 */
@QorgauIntegrationTest
@TestPropertySource(properties = "qorgau.test.isolation=login-throttling")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoginThrottlingIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private static String outcome(Http.Response response) {
        String location = SignInSteps.location(response);
        if (location.endsWith("/staff/inbox")) {
            return "signed-in";
        }
        if (location.contains("error=throttled")) {
            return "throttled";
        }
        if (location.contains("error")) {
            return "wrong";
        }
        return response.status() + " " + location;
    }

    @Test
    void thirtyWrongPasswordsForOneAccountAreThrottledWhileAnotherAccountSignsInNormally() {
        StaffMember victim = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        StaffMember colleague = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        Http attacker = new Http(port);

        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            outcomes.add(outcome(SignInSteps.password(attacker, victim.login(), "wrong password " + i)));
            if (i == 15) {
                // In the middle of the attack, a colleague (same address, same server) signs in.
                Http other = new Http(port);
                assertThat(outcome(SignInSteps.password(other, colleague.login(), Fixtures.PASSWORD)))
                        .isEqualTo("signed-in");
                assertThat(other.get("/staff/inbox").status()).isEqualTo(200);
            }
        }

        assertThat(outcomes.subList(0, 5)).containsOnly("wrong");
        assertThat(outcomes.subList(5, 30)).containsOnly("throttled");
        // Locked means locked: even the right password waits until the lockout ends.
        assertThat(outcome(SignInSteps.password(new Http(port), victim.login(), Fixtures.PASSWORD)))
                .isEqualTo("throttled");
        assertThat(outcome(SignInSteps.password(new Http(port), colleague.login(), Fixtures.PASSWORD)))
                .isEqualTo("signed-in");
        Http.Response page = new Http(port).get("/staff/login?error=throttled");
        assertThat(page.body()).contains("id=\"login-throttled\"");
    }

    @Test
    void aLoginThatDoesNotExistIsAnsweredAndThrottledExactlyLikeOneThatDoes() {
        StaffMember real = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        String ghost = "ghost" + real.login();
        Http http = new Http(port);
        List<String> forReal = new ArrayList<>();
        List<String> forGhost = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            forReal.add(outcome(SignInSteps.password(http, real.login(), "not the password " + i)));
            forGhost.add(outcome(SignInSteps.password(http, ghost, "not the password " + i)));
        }
        assertThat(forGhost).isEqualTo(forReal);
        assertThat(forReal)
                .containsExactly("wrong", "wrong", "wrong", "wrong", "wrong", "throttled", "throttled", "throttled");
    }

    @Test
    void theThrottleStoresNoLoginAsTyped() {
        StaffMember member = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        SignInSteps.password(new Http(port), member.login(), "my password typed as a wrong one");
        SignInSteps.password(new Http(port), "Correct-Horse-Battery-Staple-in-the-login-field", "x");
        List<String> keys = jdbc.sql("select account_key from login_throttle")
                .query(String.class)
                .list();
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).matches("[0-9a-f]{64}"));
    }
}

package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * TOTP: enrolment at the first sign-in where the role requires it, the code step, a used code refused
 * a second time, voluntary enrolment, codes throttled, and the secret sealed at rest.
 */
@QorgauIntegrationTest
class SecondFactorIT {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7 ]+)<");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private static SecondFactor.Enrolment shownOn(String page) {
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).as("the enrolment page shows the secret").isTrue();
        return new SecondFactor.Enrolment(m.group(1).replace(" ", ""), "");
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
    }

    private StaffMember overseer() {
        return fixtures.staff(fixtures.organisation(OrganisationKind.COMMISSIONER), Role.OVERSIGHT);
    }

    @Test
    void oversightEnrolsAtItsFirstSignInAndCannotReachAnyPageBeforeTheCode() {
        StaffMember commissioner = overseer();
        Http http = new Http(port);

        Http.Response afterPassword = SignInSteps.password(http, commissioner.login(), Fixtures.PASSWORD);
        assertThat(SignInSteps.location(afterPassword)).endsWith("/staff/login/enrol");
        Http.Response inbox = http.get("/staff/inbox");
        assertThat(inbox.status()).isEqualTo(302);
        assertThat(SignInSteps.location(inbox)).endsWith("/staff/login/code");

        Http.Response page = http.get("/staff/login/enrol");
        assertThat(page.body()).contains("otpauth://totp/Qorgau:" + commissioner.login() + "?secret=");
        assertThat(page.body())
                .as("a QR code to scan, drawn in the page")
                .contains("id=\"totp-qr\"")
                .contains("<svg");
        SecondFactor.Enrolment enrolment = shownOn(page.body());
        assertThat(shownOn(http.get("/staff/login/enrol").body()).secret())
                .as("reloading shows the same secret until it is confirmed")
                .isEqualTo(enrolment.secret());

        String code = enrolment.codeAt(Instant.now());
        Http.Response refused = SignInSteps.code(http, "/staff/login/enrol", wrong(code));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"code-error\"");
        assertThat(http.get("/staff/inbox").status()).isEqualTo(302);

        Http.Response accepted = SignInSteps.code(http, "/staff/login/enrol", code);
        assertThat(SignInSteps.location(accepted)).endsWith("/staff/inbox");
        assertThat(SignInSteps.sessionCookie(accepted))
                .as("a new session id after the second step")
                .isPresent();
        assertThat(http.get("/staff/inbox").status()).isEqualTo(200);
        Http.Response dashboard = http.get("/staff/oversight", "Accept-Language", "ru-RU");
        assertThat(dashboard.status())
                .as("the oversight dashboard once signed in")
                .isEqualTo(200);
        assertThat(dashboard.body()).contains("Надзор").contains("Открыто");

        byte[] sealed = jdbc.sql("select secret_sealed from staff_second_factor where user_id = ?")
                .param(commissioner.id())
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(enrolment.secret());
    }

    @Test
    void aCodeIsAcceptedOnceAndTheNextOneWorks() {
        StaffMember commissioner = overseer();
        Http first = new Http(port);
        SignInSteps.password(first, commissioner.login(), Fixtures.PASSWORD);
        SecondFactor.Enrolment enrolment =
                shownOn(first.get("/staff/login/enrol").body());
        String code = enrolment.codeAt(Instant.now());
        assertThat(SignInSteps.location(SignInSteps.code(first, "/staff/login/enrol", code)))
                .endsWith("/staff/inbox");

        Http second = new Http(port);
        assertThat(SignInSteps.location(SignInSteps.password(second, commissioner.login(), Fixtures.PASSWORD)))
                .endsWith("/staff/login/code");
        Http.Response replayed = SignInSteps.code(second, "/staff/login/code", code);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body()).contains("id=\"code-error\"");
        assertThat(second.get("/staff/inbox").status()).isEqualTo(302);

        String next = enrolment.codeAt(Instant.now().plusSeconds(30));
        assertThat(SignInSteps.location(SignInSteps.code(second, "/staff/login/code", next)))
                .endsWith("/staff/inbox");
        assertThat(second.get("/staff/inbox").status()).isEqualTo(200);
    }

    @Test
    void aCaseWorkerSignsInWithoutACodeUntilTheyEnrolOneThemselves() {
        StaffMember lead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        Http http = new Http(port);
        assertThat(SignInSteps.location(SignInSteps.password(http, lead.login(), Fixtures.PASSWORD)))
                .endsWith("/staff/inbox");

        SecondFactor.Enrolment enrolment =
                shownOn(http.get("/staff/second-factor").body());
        Http.Response enrolled = SignInSteps.code(http, "/staff/second-factor", enrolment.codeAt(Instant.now()));
        assertThat(SignInSteps.location(enrolled)).endsWith("/staff/second-factor?enrolled");
        assertThat(http.get("/staff/second-factor").body()).contains("id=\"second-factor-enrolled\"");

        Http again = new Http(port);
        assertThat(SignInSteps.location(SignInSteps.password(again, lead.login(), Fixtures.PASSWORD)))
                .endsWith("/staff/login/code");
    }

    @Test
    void wrongCodesAreThrottledAndThenEvenTheRightOneWaits() {
        StaffMember commissioner = overseer();
        Http http = new Http(port);
        SignInSteps.password(http, commissioner.login(), Fixtures.PASSWORD);
        SecondFactor.Enrolment enrolment =
                shownOn(http.get("/staff/login/enrol").body());
        for (int i = 0; i < 5; i++) {
            Http.Response response =
                    SignInSteps.code(http, "/staff/login/enrol", wrong(enrolment.codeAt(Instant.now())));
            assertThat(response.status()).as("wrong code %d", i).isEqualTo(200);
        }
        Http.Response throttled = SignInSteps.code(http, "/staff/login/enrol", enrolment.codeAt(Instant.now()));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body()).contains("id=\"code-throttled\"");
        assertThat(http.get("/staff/inbox").status()).isEqualTo(302);
    }
}

package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.support.Fixtures;
import kz.qorgau.server.support.Http;
import kz.qorgau.server.support.QorgauIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Page sessions: a new session id at sign-in, cookie flags, CSRF tokens required on every form post,
 * sign-out ends the session.
 */
@QorgauIntegrationTest
class SessionsAndCsrfIT {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void signingInChangesTheSessionIdAndTheCookieIsHttpOnlyAndSameSiteStrict() {
        StaffMember lead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        Http http = new Http(port);
        Http.Response loginPage = http.get("/staff/login");
        String before = SignInSteps.sessionCookie(loginPage).orElseThrow();
        assertThat(before).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");

        Http.Response signedIn = http.postForm(
                "/staff/login",
                Map.of("username", lead.login(), "password", Fixtures.PASSWORD, "_csrf", Http.csrf(loginPage.body())));

        assertThat(SignInSteps.location(signedIn)).endsWith("/staff/inbox");
        String after = SignInSteps.sessionCookie(signedIn).orElseThrow();
        assertThat(value(after)).isNotEqualTo(value(before));
        assertThat(after).contains("HttpOnly").contains("SameSite=Strict");
        assertThat(http.get("/staff/inbox").status()).isEqualTo(200);
    }

    @Test
    void theOldSessionIdOpensNothingAfterSignIn() {
        StaffMember lead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        Http http = new Http(port);
        Http.Response loginPage = http.get("/staff/login");
        String before = value(SignInSteps.sessionCookie(loginPage).orElseThrow());
        http.postForm(
                "/staff/login",
                Map.of("username", lead.login(), "password", Fixtures.PASSWORD, "_csrf", Http.csrf(loginPage.body())));

        Http attacker = new Http(port);
        Http.Response withOldId = attacker.get("/staff/inbox", "Cookie", "QSESSION=" + before);
        assertThat(withOldId.status()).isEqualTo(302);
        assertThat(SignInSteps.location(withOldId)).contains("/staff/login");
    }

    @Test
    void everyFormPostWithoutItsCsrfTokenIsRefused() {
        StaffMember lead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        Http http = new Http(port);
        http.get("/staff/login");
        assertThat(http.postForm("/staff/login", Map.of("username", lead.login(), "password", Fixtures.PASSWORD))
                        .status())
                .isEqualTo(403);
        assertThat(http.postForm(
                                "/staff/login",
                                Map.of("username", lead.login(), "password", Fixtures.PASSWORD, "_csrf", "forged"))
                        .status())
                .isEqualTo(403);
        assertThat(http.postForm("/report", Map.of("narrative", "x")).status()).isEqualTo(403);
        assertThat(http.postForm("/follow", Map.of("receipt", "x")).status()).isEqualTo(403);

        SignInSteps.password(http, lead.login(), Fixtures.PASSWORD);
        assertThat(http.postForm("/staff/logout", Map.of()).status()).isEqualTo(403);
        assertThat(http.get("/staff/inbox").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() {
        StaffMember lead = fixtures.staff(fixtures.school(), Role.CASE_WORKER);
        Http http = new Http(port);
        SignInSteps.password(http, lead.login(), Fixtures.PASSWORD);
        String csrf = Http.csrf(http.get("/staff/inbox").body());
        Http.Response out = http.postForm("/staff/logout", Map.of("_csrf", csrf));
        assertThat(SignInSteps.location(out)).contains("/staff/login?signedOut");
        assertThat(http.get("/staff/inbox").status()).isEqualTo(302);
    }

    private static String value(String setCookie) {
        return setCookie.substring("QSESSION=".length(), setCookie.indexOf(';'));
    }
}

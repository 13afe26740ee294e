package kz.qorgau.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import kz.qorgau.server.directory.OrganisationKind;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffAccounts;
import kz.qorgau.server.directory.StaffMember;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/** Page sessions end when idle, when old, when the second step waits too long, or when disabled. */
class SessionLimitsTest {

    private final TestSettings.MovableClock clock =
            new TestSettings.MovableClock(Instant.parse("2027-03-02T05:00:00Z"));
    private final StaffAccounts accounts = mock(StaffAccounts.class);
    private final SessionLimits limits = new SessionLimits(TestSettings.defaults(), new SecurityTime(clock), accounts);
    private final StaffMember member =
            new StaffMember(UUID.randomUUID(), "lead", "Lead", "school-1", OrganisationKind.SCHOOL, Role.CASE_WORKER);

    private MockHttpSession signedIn() {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                        member, null, StaffAuthorities.signedIn(member))));
        SessionLimits.restart(session, clock.instant());
        when(accounts.isEnabled(member.id())).thenReturn(true);
        return session;
    }

    private MockHttpServletResponse get(MockHttpSession session, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limits.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aSessionUsedEvery29MinutesLastsUntilEightHoursAfterSignIn() throws Exception {
        MockHttpSession session = signedIn();
        for (int i = 0; i < 16; i++) {
            clock.move(Duration.ofMinutes(29));
            assertThat(get(session, "/staff/inbox").getRedirectedUrl()).isNull();
        }
        assertThat(session.isInvalid()).isFalse();
        clock.move(Duration.ofMinutes(29)); // 8 h 3 min after sign-in
        assertThat(get(session, "/staff/inbox").getRedirectedUrl()).isEqualTo("/staff/login?expired");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aSessionUnusedForMoreThanThirtyMinutesEnds() throws Exception {
        MockHttpSession session = signedIn();
        clock.move(Duration.ofMinutes(31));
        assertThat(get(session, "/staff/cases/x").getRedirectedUrl()).isEqualTo("/staff/login?expired");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aSecondStepLeftWaitingForMoreThanFiveMinutesEnds() throws Exception {
        MockHttpSession session = signedIn();
        SessionLimits.secondStepStarted(session, clock.instant());
        clock.move(Duration.ofMinutes(4));
        get(session, "/staff/login/code");
        assertThat(session.isInvalid()).isFalse();
        clock.move(Duration.ofMinutes(2));
        get(session, "/staff/login/code");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void theSessionOfADisabledAccountEndsAtItsNextRequest() throws Exception {
        MockHttpSession session = signedIn();
        assertThat(get(session, "/staff/inbox").getRedirectedUrl()).isNull();
        when(accounts.isEnabled(member.id())).thenReturn(false);
        assertThat(get(session, "/staff/inbox").getRedirectedUrl()).isEqualTo("/staff/login?expired");
    }

    @Test
    void aReportersSessionEndsQuietlyAndTheRequestGoesOnWithoutIt() throws Exception {
        MockHttpSession session = new MockHttpSession();
        get(session, "/follow/case");
        clock.move(Duration.ofMinutes(31));
        MockHttpServletResponse response = get(session, "/follow/case");
        assertThat(response.getRedirectedUrl()).isNull();
        assertThat(session.isInvalid()).isTrue();
    }
}

package kz.qorgau.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import kz.qorgau.server.directory.StaffAccounts;
import kz.qorgau.server.directory.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends page sessions that ran too long: unused for the idle timeout, older than the absolute timeout
 * (counted from sign-in, or from the first request for reporters), a second sign-in step left waiting,
 * or a member of staff whose account was disabled meanwhile. Times come from {@link SecurityTime}
 * (real time), stored in the session itself. An ended staff session is sent to the sign-in page,
 * which says why; a reporter's simply starts anew.
 */
final class SessionLimits extends OncePerRequestFilter {

    static final String STARTED = "qorgau.session.started";
    static final String LAST_SEEN = "qorgau.session.lastSeen";
    static final String PENDING_SINCE = "qorgau.session.pendingSince";

    private final SecuritySettings.Session settings;
    private final SecurityTime time;
    private final StaffAccounts accounts;

    SessionLimits(SecuritySettings settings, SecurityTime time, StaffAccounts accounts) {
        this.settings = settings.session();
        this.time = time;
        this.accounts = accounts;
    }

    /** Marks a session as new: at sign-in, after its id was changed. */
    static void restart(HttpSession session, Instant now) {
        session.setAttribute(STARTED, now);
        session.setAttribute(LAST_SEEN, now);
        session.removeAttribute(PENDING_SINCE);
    }

    /** Marks the start of the second sign-in step. */
    static void secondStepStarted(HttpSession session, Instant now) {
        restart(session, now);
        session.setAttribute(PENDING_SINCE, now);
    }

    /** Why a session must end now, or {@code null} if it may go on. */
    @Nullable
    String expiry(HttpSession session, Instant now) {
        Instant started = (Instant) session.getAttribute(STARTED);
        Instant lastSeen = (Instant) session.getAttribute(LAST_SEEN);
        Instant pendingSince = (Instant) session.getAttribute(PENDING_SINCE);
        if (lastSeen != null && now.isAfter(lastSeen.plus(settings.idleTimeout()))) {
            return "idle";
        }
        if (started != null && now.isAfter(started.plus(settings.absoluteTimeout()))) {
            return "absolute";
        }
        if (pendingSince != null && now.isAfter(pendingSince.plus(settings.secondStepTimeout()))) {
            return "second-step";
        }
        StaffMember member = member(session);
        if (member != null && !accounts.isEnabled(member.id())) {
            return "disabled";
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = time.now();
        String expiry = expiry(session, now);
        if (expiry != null) {
            boolean staff = member(session) != null;
            session.invalidate();
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (staff && path.startsWith("/staff/") && !path.startsWith("/staff/login")) {
                response.sendRedirect(request.getContextPath() + "/staff/login?expired");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (session.getAttribute(STARTED) == null) {
            session.setAttribute(STARTED, now);
        }
        session.setAttribute(LAST_SEEN, now);
        chain.doFilter(request, response);
    }

    private static @Nullable StaffMember member(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext security
                && security.getAuthentication() != null
                && security.getAuthentication().getPrincipal() instanceof StaffMember member) {
            return member;
        }
        return null;
    }
}

package kz.qorgau.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kz.qorgau.server.directory.StaffMember;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Where sign-in goes after each step. After the password (the session id already changed): to the
 * second step when one is due, otherwise to the inbox. After the second step: the session id changes
 * again and the member is fully signed in. A refused attempt returns to the sign-in page, which says
 * "wrong login or password" or "too many attempts" — the same for logins that exist and those that
 * do not.
 */
@Component
final class SignIns implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String INBOX = "/staff/inbox";
    static final String CODE_STEP = "/staff/login/code";
    static final String ENROL_STEP = "/staff/login/enrol";

    private final SecondFactor secondFactor;
    private final SecurityTime time;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SignIns(SecondFactor secondFactor, SecurityTime time) {
        this.secondFactor = secondFactor;
        this.time = time;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        StaffMember member = (StaffMember) authentication.getPrincipal();
        if (StaffAuthorities.isPending(authentication)) {
            SessionLimits.secondStepStarted(request.getSession(), time.now());
            boolean enrolled = secondFactor.state(member.id()) == SecondFactor.State.ENROLLED;
            response.sendRedirect(request.getContextPath() + (enrolled ? CODE_STEP : ENROL_STEP));
            return;
        }
        SessionLimits.restart(request.getSession(), time.now());
        response.sendRedirect(request.getContextPath() + INBOX);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.sendRedirect(request.getContextPath()
                + (exception instanceof LoginThrottledException
                        ? "/staff/login?error=throttled"
                        : "/staff/login?error"));
    }

    /** Completes sign-in after the second step: a new session id, the full authorities. */
    void complete(HttpServletRequest request, HttpServletResponse response, StaffMember member) {
        request.changeSessionId();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(member, null, StaffAuthorities.signedIn(member)));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        SessionLimits.restart(request.getSession(), time.now());
    }
}

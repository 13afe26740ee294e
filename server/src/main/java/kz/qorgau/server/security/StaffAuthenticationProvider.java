package kz.qorgau.server.security;

import java.util.Optional;
import kz.qorgau.server.directory.StaffAccounts;
import kz.qorgau.server.directory.StaffMember;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a login and password against the directory, after {@link LoginThrottle} admitted the
 * attempt. The principal of the resulting authentication is the {@link StaffMember}: fully signed in,
 * or — when the member's role requires a second factor or they enrolled one — waiting for it ({@link
 * StaffAuthorities#PENDING_SECOND_FACTOR}). An unknown login costs the same Argon2 work, is counted by
 * the throttle the same way and gets the same answer as a wrong password, so that neither timing nor
 * throttling tells which logins exist.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final SecondFactor secondFactor;
    private final String decoyHash;

    StaffAuthenticationProvider(
            StaffAccounts accounts, PasswordEncoder passwords, LoginThrottle throttle, SecondFactor secondFactor) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.secondFactor = secondFactor;
        this.decoyHash = passwords.encode("decoy password that never matches anything");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = String.valueOf(authentication.getName()).trim();
        String password = String.valueOf(authentication.getCredentials());
        LoginThrottle.Admission admission = throttle.admit(throttle.password(login, source(authentication)));
        if (admission instanceof LoginThrottle.Throttled(var retryAfter)) {
            throw new LoginThrottledException(retryAfter);
        }
        Optional<StaffAccounts.Credentials> credentials =
                login.length() > 64 || password.length() > 256 ? Optional.empty() : accounts.credentials(login);
        boolean matches = passwords.matches(
                password,
                credentials.map(StaffAccounts.Credentials::passwordHash).orElse(decoyHash));
        // A machine account (role integration) works through its tokens only: it never signs in to the
        // pages, and is refused exactly like a wrong password.
        if (credentials.isEmpty()
                || !matches
                || !credentials.get().enabled()
                || credentials.get().member().role() == kz.qorgau.server.directory.Role.INTEGRATION) {
            throw new BadCredentialsException("wrong login or password");
        }
        throttle.succeeded((LoginThrottle.Admitted) admission);
        StaffMember member = credentials.get().member();
        if (passwords.upgradeEncoding(credentials.get().passwordHash())) {
            // Hashed with weaker parameters than today's: re-hash while the password is at hand.
            accounts.changePassword(member.id(), password);
        }
        boolean secondStep =
                secondFactor.required(member) || secondFactor.state(member.id()) == SecondFactor.State.ENROLLED;
        return UsernamePasswordAuthenticationToken.authenticated(
                member, null, secondStep ? StaffAuthorities.pending() : StaffAuthorities.signedIn(member));
    }

    private static @Nullable String source(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

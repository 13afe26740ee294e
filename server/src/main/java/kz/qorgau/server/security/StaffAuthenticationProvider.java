package kz.qorgau.server.security;

import java.util.List;
import java.util.Optional;
import kz.qorgau.server.directory.StaffAccounts;
import kz.qorgau.server.directory.StaffMember;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a login and password against the directory. The principal of the resulting authentication
 * is the {@link StaffMember}. An unknown login costs the same Argon2 work as a wrong password, so
 * that timing does not tell which logins exist.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final String decoyHash;

    StaffAuthenticationProvider(StaffAccounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.decoyHash = passwords.encode("decoy password that never matches anything");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = String.valueOf(authentication.getName()).trim();
        String password = String.valueOf(authentication.getCredentials());
        Optional<StaffAccounts.Credentials> credentials =
                login.length() > 64 ? Optional.empty() : accounts.credentials(login);
        boolean matches = passwords.matches(
                password,
                credentials.map(StaffAccounts.Credentials::passwordHash).orElse(decoyHash));
        if (credentials.isEmpty() || !matches || !credentials.get().enabled()) {
            throw new BadCredentialsException("wrong login or password");
        }
        StaffMember member = credentials.get().member();
        return UsernamePasswordAuthenticationToken.authenticated(member, null, authorities(member));
    }

    static List<GrantedAuthority> authorities(StaffMember member) {
        return List.of(new SimpleGrantedAuthority("ROLE_" + member.role().name()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

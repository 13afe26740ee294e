package kz.qorgau.server.security;

import java.util.ArrayList;
import java.util.List;
import kz.qorgau.server.directory.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorities of a staff page session. A fully signed-in member has their role and {@link
 * #SIGNED_IN}; a member whose password was accepted but whose second factor is still due has only
 * {@link #PENDING_SECOND_FACTOR}, which opens nothing but the second sign-in step.
 */
final class StaffAuthorities {

    static final String SIGNED_IN = "STAFF_SIGNED_IN";
    static final String PENDING_SECOND_FACTOR = "STAFF_PENDING_SECOND_FACTOR";

    private StaffAuthorities() {}

    static List<GrantedAuthority> signedIn(StaffMember member) {
        List<GrantedAuthority> authorities = new ArrayList<>(2);
        authorities.add(new SimpleGrantedAuthority("ROLE_" + member.role().name()));
        authorities.add(new SimpleGrantedAuthority(SIGNED_IN));
        return authorities;
    }

    static List<GrantedAuthority> pending() {
        return List.of(new SimpleGrantedAuthority(PENDING_SECOND_FACTOR));
    }

    static boolean isPending(Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(a -> PENDING_SECOND_FACTOR.equals(a.getAuthority()));
    }
}

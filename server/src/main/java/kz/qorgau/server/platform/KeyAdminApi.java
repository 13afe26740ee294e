package kz.qorgau.server.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Field-key administration under {@code /api/v1/admin/keys} for administrators whose token carries
 * the {@code admin} scope: list the keys (ids and status, never material), rotate (one instance), or
 * add then promote (several instances, docs/data-protection.md).
 *
 * <p>The role is read from the authentication's authorities ({@code ROLE_ADMINISTRATOR}), not from the
 * directory's {@code StaffMember}: the platform module is below the directory and must not depend on
 * it.
 */
@RestController
@Tag(name = "Keys", description = "Field-encryption keys: list, rotate (administrators)")
class KeyAdminApi {

    static final String ADMINISTRATOR = "ROLE_ADMINISTRATOR";
    static final String ADMIN_SCOPE = "SCOPE_admin";

    private final FieldKeyset keyset;
    private final ApplicationEventPublisher events;

    KeyAdminApi(FieldKeyset keyset, ApplicationEventPublisher events) {
        this.keyset = keyset;
        this.events = events;
    }

    /**
     * The keyset as administrators see it.
     *
     * @param changed the key this request added or promoted, if any
     */
    record KeysetView(
            @Nullable Long changed, long primary, List<FieldKeyset.KeyInfo> keys, boolean envelopeEncrypted) {}

    @GetMapping("/api/v1/admin/keys")
    @Operation(summary = "The field keys this instance has loaded (ids and status only)")
    KeysetView keys(Authentication authentication) {
        requireAdministrator(authentication);
        return view(null);
    }

    @PostMapping("/api/v1/admin/keys/rotate")
    @Operation(
            summary = "Add a new primary key (single instance)",
            description = "Older keys stay for decryption. With several instances, add then promote instead.")
    KeysetView rotate(Authentication authentication) {
        requireAdministrator(authentication);
        FieldKeyset.KeyInfo key = keyset.rotate();
        announce("key.rotated", key, authentication);
        return view(key.id());
    }

    @PostMapping("/api/v1/admin/keys")
    @Operation(
            summary = "Add a key that is not yet primary (phase one with several instances)",
            description = "Promote it once every instance lists it under GET /api/v1/admin/keys.")
    ResponseEntity<KeysetView> add(Authentication authentication) {
        requireAdministrator(authentication);
        FieldKeyset.KeyInfo key = keyset.addKey();
        announce("key.added", key, authentication);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(key.id()));
    }

    @PostMapping("/api/v1/admin/keys/{id}/primary")
    @Operation(summary = "Make an added key primary (phase two with several instances)")
    KeysetView promote(Authentication authentication, @PathVariable("id") long id) {
        requireAdministrator(authentication);
        FieldKeyset.KeyInfo key = keyset.promote(id);
        announce("key.promoted", key, authentication);
        return view(key.id());
    }

    private KeysetView view(@Nullable Long changed) {
        return new KeysetView(changed, keyset.primary().id(), keyset.keys(), keyset.envelopeEncrypted());
    }

    private void announce(String change, FieldKeyset.KeyInfo key, Authentication by) {
        events.publishEvent(new FieldKeysetChanged(change, key.id(), keyset.keys(), by.getPrincipal()));
    }

    static void requireAdministrator(@Nullable Authentication authentication) {
        List<String> authorities = authentication == null
                ? List.of()
                : authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .toList();
        if (!authorities.contains(ADMINISTRATOR) || !authorities.contains(ADMIN_SCOPE)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN, "Only an administrator with a token of scope 'admin' may manage keys.");
            problem.setType(URI.create("https://qorgau.kz/problems/forbidden"));
            problem.setTitle("Forbidden");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
    }
}

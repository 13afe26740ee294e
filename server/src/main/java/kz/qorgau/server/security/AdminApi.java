package kz.qorgau.server.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.server.directory.ApiTokens;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts and API tokens under {@code /api/v1/admin/}, for administrators whose token carries the
 * {@code admin} scope (the security configuration refuses everyone else with 403). Secrets appear
 * only in the answer that creates them.
 */
@RestController
@Tag(name = "Administration", description = "Staff accounts and API tokens (administrators)")
class AdminApi {

    private final AccountAdministration administration;

    AdminApi(AccountAdministration administration) {
        this.administration = administration;
    }

    /** A new account; without {@code password} one is generated and returned once. */
    record NewAccount(
            @Nullable String login,
            @Nullable String displayName,
            @Nullable String organisation,
            @Nullable String role,
            @Nullable String email,
            @Nullable String password) {}

    /** A new token for the account with {@code login}, valid for {@code days}. */
    record NewToken(
            @Nullable String login,
            @Nullable List<String> scopes,
            @Nullable Integer days,
            @Nullable String label) {}

    /** A token as issued: {@code token} is shown this once. */
    record IssuedToken(UUID id, String token, Set<String> scopes, java.time.Instant expiresAt) {}

    @GetMapping("/api/v1/admin/users")
    @Operation(summary = "Every staff account, with its second-factor state")
    List<AccountAdministration.AccountView> users() {
        return administration.accounts();
    }

    @PostMapping("/api/v1/admin/users")
    @Operation(summary = "Create a staff account; a generated password is returned once")
    ResponseEntity<AccountAdministration.Added> addUser(
            @AuthenticationPrincipal StaffMember me, @RequestBody NewAccount body) {
        Role role;
        try {
            role = Role.fromCode(required(body.role(), "role", 40));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("role", "unknown", "must be one of " + roles());
        }
        AccountAdministration.Added added = administration.add(
                required(body.login(), "login", 64),
                required(body.displayName(), "displayName", 200),
                required(body.organisation(), "organisation", 64),
                role,
                body.email() == null || body.email().isBlank()
                        ? null
                        : body.email().strip(),
                body.password(),
                AccountAdministration.actor(me));
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @PostMapping("/api/v1/admin/users/{id}/disable")
    @Operation(summary = "Disable an account: no sign-in, sessions end, tokens refused")
    AccountAdministration.AccountView disable(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id) {
        return administration.setEnabled(id, false, AccountAdministration.actor(me), me.id());
    }

    @PostMapping("/api/v1/admin/users/{id}/enable")
    @Operation(summary = "Enable a disabled account")
    AccountAdministration.AccountView enable(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id) {
        return administration.setEnabled(id, true, AccountAdministration.actor(me), me.id());
    }

    @PostMapping("/api/v1/admin/users/{id}/second-factor/reset")
    @Operation(summary = "Remove an account's second factor (lost phone); it is enrolled again at the next sign-in")
    AccountAdministration.AccountView resetSecondFactor(
            @AuthenticationPrincipal StaffMember me, @PathVariable UUID id) {
        return administration.resetSecondFactor(id, AccountAdministration.actor(me));
    }

    @GetMapping("/api/v1/admin/tokens")
    @Operation(summary = "Every API token, newest first: owner, scopes, expiry, state (never the secret)")
    List<ApiTokens.TokenView> tokens() {
        return administration.tokens();
    }

    @PostMapping("/api/v1/admin/tokens")
    @Operation(summary = "Issue a token for an account; the token is returned once")
    ResponseEntity<IssuedToken> issue(@AuthenticationPrincipal StaffMember me, @RequestBody NewToken body) {
        if (body.scopes() == null || body.scopes().isEmpty() || body.scopes().size() > 20) {
            throw new InvalidInputException("scopes", "required", "name 1 to 20 scopes of " + ApiTokens.SCOPES);
        }
        int days = body.days() == null ? 90 : body.days();
        if (days < 1 || days > 3650) {
            throw new InvalidInputException("days", "range", "must be between 1 and 3650");
        }
        if (body.label() != null && body.label().length() > 100) {
            throw new InvalidInputException("label", "too-long", "must be at most 100 characters");
        }
        ApiTokens.IssuedToken issued = administration.issueToken(
                required(body.login(), "login", 64),
                body.label(),
                new LinkedHashSet<>(body.scopes()),
                Duration.ofDays(days),
                AccountAdministration.actor(me));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new IssuedToken(issued.id(), issued.token(), issued.scopes(), issued.expiresAt()));
    }

    @PostMapping("/api/v1/admin/tokens/{id}/revoke")
    @Operation(summary = "Revoke a token; it is refused from then on (idempotent)")
    ApiTokens.TokenView revoke(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id) {
        return administration.revokeToken(id, AccountAdministration.actor(me));
    }

    private static String required(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required", "is required");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "too-long", "must be at most " + max + " characters");
        }
        return value.strip();
    }

    private static List<String> roles() {
        return java.util.Arrays.stream(Role.values()).map(Role::code).toList();
    }
}

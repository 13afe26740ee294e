package kz.qorgau.server.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.ApiTokens;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffAccounts;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.platform.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to accounts and tokens — from the admin API, the admin page or the command
 * line — each change recorded in the ledger (who, by organisation and role; never a password, token or
 * secret). Administrators manage accounts but never see case content: case access excludes their
 * role, whatever token scopes they hold.
 */
@Service
public class AccountAdministration {

    /** The actor of changes made on the server's own console ({@code qorgau user …}, {@code qorgau token …}). */
    public static final Actor CONSOLE = new Actor("local-console", "administrator");

    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final StaffAccounts accounts;
    private final ApiTokens tokens;
    private final SecondFactor secondFactor;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    AccountAdministration(StaffAccounts accounts, ApiTokens tokens, SecondFactor secondFactor, AuditTrail audit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.secondFactor = secondFactor;
        this.audit = audit;
    }

    /**
     * An account as administrators see it.
     *
     * @param secondFactor {@code none}, {@code pending} (waiting for the first code) or {@code enrolled}
     * @param secondFactorRequired whether the role must sign in with a code
     */
    public record AccountView(
            UUID id,
            String login,
            String displayName,
            String organisation,
            String role,
            @Nullable String email,
            boolean enabled,
            String secondFactor,
            boolean secondFactorRequired,
            Instant createdAt) {}

    /** A new account, and its password if it was generated (shown this once). */
    public record Added(AccountView account, @Nullable String generatedPassword) {}

    /** The actor of a change made by a signed-in administrator. */
    public static Actor actor(StaffMember member) {
        return new Actor(member.organisationCode(), member.role().code());
    }

    /** Every account, by organisation and login. */
    @Transactional(readOnly = true)
    public List<AccountView> accounts() {
        return accounts.list().stream().map(this::view).toList();
    }

    /**
     * Creates an account; with a {@code null} password one is generated (20 characters, about 115
     * bits) and returned once.
     */
    @Transactional
    public Added add(
            String login,
            String displayName,
            String organisation,
            Role role,
            @Nullable String email,
            @Nullable String password,
            Actor by) {
        String generated = password == null ? generatePassword() : null;
        StaffMember member = accounts.add(new StaffAccounts.NewStaff(
                login, displayName, organisation, role, password == null ? generated : password, email));
        audit.record("account.created", null, by, Map.of("account", member.id().toString(), "role", role.code()));
        return new Added(view(member.id()), generated);
    }

    /**
     * Enables or disables an account. Disabling ends its sessions at their next request and stops its
     * tokens at once.
     *
     * @throws RuleViolationException when an administrator tries to disable their own account
     */
    @Transactional
    public AccountView setEnabled(UUID accountId, boolean enabled, Actor by, @Nullable UUID byAccount) {
        if (!enabled && accountId.equals(byAccount)) {
            throw new RuleViolationException(
                    "cannot-disable-yourself", "an administrator cannot disable their own account; ask another");
        }
        if (!accounts.setEnabled(accountId, enabled)) {
            throw new NotFoundException("no account " + accountId);
        }
        audit.record(
                enabled ? "account.enabled" : "account.disabled", null, by, Map.of("account", accountId.toString()));
        return view(accountId);
    }

    /** Removes an account's second factor (a lost phone); the member enrols again at the next sign-in. */
    @Transactional
    public AccountView resetSecondFactor(UUID accountId, Actor by) {
        if (accounts.member(accountId).isEmpty()) {
            throw new NotFoundException("no account " + accountId);
        }
        if (secondFactor.reset(accountId)) {
            audit.record("account.second-factor-reset", null, by, Map.of("account", accountId.toString()));
        }
        return view(accountId);
    }

    /** Every token, newest first (never a secret). */
    @Transactional(readOnly = true)
    public List<ApiTokens.TokenView> tokens() {
        return tokens.list();
    }

    /** Issues a token for the member with this login; its secret is in the result, this once. */
    @Transactional
    public ApiTokens.IssuedToken issueToken(
            String login, @Nullable String label, Set<String> scopes, Duration validity, Actor by) {
        StaffMember owner = accounts.byLogin(login)
                .orElseThrow(() -> new InvalidInputException("login", "unknown", "no account has the login " + login));
        if (!by.equals(CONSOLE) && !mayIssueRemotely(owner, scopes)) {
            // An administrator cannot read case content: a token that reads cases as a person would
            // let them (a token skips the person's second factor). People sign in; machines get tokens.
            throw new InvalidInputException(
                    "login",
                    "not-integration",
                    "an administrator issues tokens for integration accounts (and the admin scope for"
                            + " administrators) only; a person's token is issued on the server with"
                            + " './qorgau token create'");
        }
        ApiTokens.IssuedToken issued =
                tokens.issue(owner.id(), label == null || label.isBlank() ? "token" : label.strip(), scopes, validity);
        audit.record(
                "token.issued",
                null,
                by,
                Map.of(
                        "token",
                        issued.id().toString(),
                        "account",
                        owner.id().toString(),
                        "scopes",
                        List.copyOf(scopes)));
        return issued;
    }

    /** What an administrator may issue through the admin API and pages. */
    static boolean mayIssueRemotely(StaffMember owner, Set<String> scopes) {
        return owner.role() == Role.INTEGRATION
                || (owner.role() == Role.ADMINISTRATOR && scopes.equals(Set.of("admin")));
    }

    /** Revokes a token (idempotent: revoking a revoked token changes nothing). */
    @Transactional
    public ApiTokens.TokenView revokeToken(UUID tokenId, Actor by) {
        ApiTokens.TokenView token =
                tokens.find(tokenId).orElseThrow(() -> new NotFoundException("no token " + tokenId));
        if (tokens.revoke(tokenId)) {
            audit.record("token.revoked", null, by, Map.of("token", tokenId.toString()));
        }
        return tokens.find(tokenId).orElse(token);
    }

    private AccountView view(UUID accountId) {
        return accounts.account(accountId)
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("no account " + accountId));
    }

    private AccountView view(StaffAccounts.Account account) {
        StaffMember member = account.member();
        return new AccountView(
                member.id(),
                member.login(),
                member.displayName(),
                member.organisationCode(),
                member.role().code(),
                account.email(),
                account.enabled(),
                secondFactor.state(member.id()).name().toLowerCase(Locale.ROOT),
                secondFactor.required(member),
                account.createdAt());
    }

    private String generatePassword() {
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return out.toString();
    }
}

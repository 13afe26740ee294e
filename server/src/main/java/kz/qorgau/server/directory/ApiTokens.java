package kz.qorgau.server.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.SimulationClock;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for integrations and scripted staff access: 256 random bits, shown once, stored only as
 * their SHA-256 (a fast hash suffices for a secret of that strength: there is nothing to brute-force),
 * scoped, expiring and revocable. A token carries its owner's role as well as its scopes, and stops
 * working when its owner's account is disabled.
 */
@Service
public class ApiTokens {

    /** The scopes a token may carry. */
    public static final Set<String> SCOPES = Set.of(
            "reports:write", "cases:read", "cases:write", "signals:write", "oversight:read", "ledger:read", "admin");

    private static final String PREFIX = "qg_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token as issued: {@code token} is shown this once and cannot be recovered. */
    public record IssuedToken(UUID id, String token, Set<String> scopes, Instant expiresAt) {}

    /** What a presented, valid token grants. */
    public record Grant(UUID tokenId, StaffMember member, Set<String> scopes) {}

    /**
     * Scopes only some roles may hold, whatever else a token's owner may do: {@code admin} is for
     * administrators and {@code oversight:read} for oversight. Case scopes given to an administrator
     * open nothing: case access excludes the role.
     */
    static final Map<String, Set<Role>> SCOPE_ROLES = Map.of(
            "admin", Set.of(Role.ADMINISTRATOR),
            "oversight:read", Set.of(Role.OVERSIGHT),
            // What a signal upload answers (how many cases it matched) and writes (timeline entries on
            // those cases) must not be a probe for someone who may not see every case.
            "signals:write", Set.of(Role.INTEGRATION, Role.OVERSIGHT));

    /** Whether a token's state lets it in. */
    public enum State {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    /**
     * A token as administrators see it; never its secret or hash.
     *
     * @param ownerLogin the login of the member whose rights the token carries
     */
    public record TokenView(
            UUID id,
            UUID ownerId,
            String ownerLogin,
            String ownerOrganisation,
            String label,
            Set<String> scopes,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant revokedAt,
            State state) {}

    /** Issues a token for a staff member. */
    @Transactional
    public IssuedToken issue(UUID memberId, String label, Set<String> scopes, Duration validity) {
        Set<String> unknown = scopes.stream().filter(s -> !SCOPES.contains(s)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("scopes", "unknown", "unknown scopes " + unknown + "; known: " + SCOPES);
        }
        if (scopes.isEmpty()) {
            throw new InvalidInputException("scopes", "required", "name at least one scope of " + SCOPES);
        }
        if (validity.isNegative() || validity.isZero() || validity.compareTo(Duration.ofDays(3650)) > 0) {
            throw new InvalidInputException("validity", "range", "must be between one second and ten years");
        }
        if (label.isBlank() || label.length() > 100) {
            throw new InvalidInputException("label", "length", "must be 1 to 100 characters long");
        }
        Role role = jdbc.sql("select role from staff_user where id = ?")
                .param(memberId)
                .query(String.class)
                .optional()
                .map(Role::valueOf)
                .orElseThrow(
                        () -> new InvalidInputException("member", "unknown", "no staff member has the id " + memberId));
        for (String scope : scopes) {
            Set<Role> allowed = SCOPE_ROLES.get(scope);
            if (allowed != null && !allowed.contains(role)) {
                throw new InvalidInputException(
                        "scopes",
                        "role",
                        "the scope " + scope + " is only for the role"
                                + (allowed.size() > 1 ? "s " : " ")
                                + String.join(
                                        " or ",
                                        allowed.stream()
                                                .map(Role::code)
                                                .sorted()
                                                .toList())
                                + ", not " + role.code());
            }
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = now();
        Instant expiresAt = now.plus(validity);
        Set<String> ordered = new LinkedHashSet<>(scopes.stream().sorted().toList());
        jdbc.sql("""
                        insert into api_token (id, user_id, token_hash, label, scopes, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        memberId,
                        hash(token),
                        label,
                        String.join(" ", ordered),
                        SqlTime.bind(now),
                        SqlTime.bind(expiresAt))
                .update();
        return new IssuedToken(id, token, ordered, expiresAt);
    }

    /** The grant of a presented token, if it is known, unexpired and not revoked. */
    @Transactional(readOnly = true)
    public Optional<Grant> authenticate(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Instant now = now();
        return jdbc.sql("""
                        select t.id as token_id, t.scopes, t.expires_at, t.revoked_at, u.*, o.kind
                        from api_token t
                        join staff_user u on u.id = t.user_id
                        join organisation o on o.code = u.organisation_code
                        where t.token_hash = ? and u.enabled""")
                .param(hash(presented))
                .query((rs, row) -> new StoredToken(
                        new Grant(
                                rs.getObject("token_id", UUID.class),
                                StaffAccounts.member(rs),
                                Set.copyOf(Arrays.asList(rs.getString("scopes").split(" ")))),
                        SqlTime.require(rs, "expires_at"),
                        SqlTime.read(rs, "revoked_at")))
                .optional()
                .filter(stored -> stored.revokedAt() == null && now.isBefore(stored.expiresAt()))
                .map(StoredToken::grant);
    }

    private record StoredToken(
            Grant grant, Instant expiresAt, @Nullable Instant revokedAt) {}

    /** Revokes a token; a revoked token is kept, marked, and refused from then on. */
    @Transactional
    public boolean revoke(UUID tokenId) {
        return jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null")
                        .params(SqlTime.bind(now()), tokenId)
                        .update()
                == 1;
    }

    /** Every token, newest first. */
    @Transactional(readOnly = true)
    public List<TokenView> list() {
        Instant now = now();
        return jdbc.sql("""
                        select t.*, u.login, u.organisation_code from api_token t join staff_user u on u.id = t.user_id
                        order by t.created_at desc, t.id""").query((rs, row) -> view(rs, now)).list();
    }

    /** One token. */
    @Transactional(readOnly = true)
    public Optional<TokenView> find(UUID tokenId) {
        Instant now = now();
        return jdbc.sql("""
                        select t.*, u.login, u.organisation_code from api_token t join staff_user u on u.id = t.user_id
                        where t.id = ?""").param(tokenId).query((rs, row) -> view(rs, now)).optional();
    }

    private static TokenView view(ResultSet rs, Instant now) throws SQLException {
        Instant expiresAt = SqlTime.require(rs, "expires_at");
        Instant revokedAt = SqlTime.read(rs, "revoked_at");
        return new TokenView(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("login"),
                rs.getString("organisation_code"),
                rs.getString("label"),
                new LinkedHashSet<>(Arrays.asList(rs.getString("scopes").split(" "))),
                SqlTime.require(rs, "created_at"),
                expiresAt,
                revokedAt,
                revokedAt != null ? State.REVOKED : now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED);
    }

    /**
     * Real time, also under the simulation clock: an exercise that replays a month of deadlines must
     * not expire the tokens it runs with, and a token's lifetime is a promise made in real time.
     */
    private Instant now() {
        Instant instant = clock.instant();
        return clock instanceof SimulationClock simulation ? instant.minus(simulation.offset()) : instant;
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

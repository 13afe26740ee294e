package kz.qorgau.server.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for integrations and scripted staff access: 256 random bits, shown once, stored only as
 * their SHA-256 (a fast hash suffices for a secret of that strength), scoped, expiring and
 * revocable.
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

    /** Issues a token for a staff member. */
    @Transactional
    public IssuedToken issue(UUID memberId, String label, Set<String> scopes, Duration validity) {
        Set<String> unknown = scopes.stream().filter(s -> !SCOPES.contains(s)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("scopes", "unknown", "unknown scopes " + unknown + "; known: " + SCOPES);
        }
        if (validity.isNegative() || validity.isZero() || validity.compareTo(Duration.ofDays(3650)) > 0) {
            throw new InvalidInputException("validity", "range", "must be between one second and ten years");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
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
        Instant now = clock.instant();
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
                        .params(SqlTime.bind(clock.instant()), tokenId)
                        .update()
                == 1;
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

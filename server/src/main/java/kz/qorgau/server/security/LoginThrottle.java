package kz.qorgau.server.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.qorgau.server.platform.DataDirectory;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Throttles sign-in attempts per account and per source address, never globally, so that an attack
 * on one account does not lock out the others.
 *
 * <p>Per account (in the database, so that every instance agrees): every attempt is counted as a
 * failure before the password or code is checked, and the count is cleared when it turns out right.
 * Counting first means that parallel attempts cannot all slip in before the count catches up. After
 * {@code free-failures} failures the account is locked for {@code first-lockout}, doubled with every
 * further failure up to {@code max-lockout}; attempts during a lockout are refused without checking
 * the password, and do not lengthen it. Logins that do not exist are counted exactly like those that
 * do. Passwords and second-factor codes have separate counts: a right password does not clear the
 * failures of the code behind it.
 *
 * <p>Per source address (in memory, per instance): a token bucket of failures for all accounts
 * together, against one address spraying guesses over many accounts.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String KEY_FILE = "login-throttle.key";
    private static final int MAX_SOURCES = 100_000;

    private final JdbcClient jdbc;
    private final SecurityTime time;
    private final SecuritySettings.Login settings;
    private final SecretKeySpec key;
    private final TokenBuckets<String> sources;

    LoginThrottle(JdbcClient jdbc, SecurityTime time, SecuritySettings settings, DataDirectory dataDirectory) {
        this.jdbc = jdbc;
        this.time = time;
        this.settings = settings.login();
        this.key = new SecretKeySpec(key(this.settings.throttleKey(), dataDirectory), "HmacSHA256");
        this.sources = new TokenBuckets<>(this.settings.sourceBurst(), this.settings.sourceRefill(), MAX_SOURCES);
    }

    private static byte[] key(@Nullable String configured, DataDirectory dataDirectory) {
        if (configured != null && !configured.isBlank()) {
            try {
                return Base64.getDecoder().decode(configured.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "qorgau.security.login.throttle-key must be base64 (e.g. 'openssl rand -base64 32')", e);
            }
        }
        return dataDirectory.secret(KEY_FILE, 32);
    }

    /** What is being attempted: a password for a login as typed, or a code for an account. */
    record Attempt(String accountKey, String source) {}

    /** The outcome of asking to try. */
    sealed interface Admission {}

    /** The attempt may be checked; report a right one with {@link #succeeded}. */
    record Admitted(Attempt attempt) implements Admission {}

    /** Refused without checking; the account or the source may try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements Admission {}

    /** A password attempt for whatever was typed as the login. */
    Attempt password(String typedLogin, @Nullable String source) {
        String login = typedLogin.strip().toLowerCase(Locale.ROOT);
        return new Attempt(mac("password:" + login.substring(0, Math.min(login.length(), 200))), source(source));
    }

    /** A second-factor attempt for an account. */
    Attempt secondFactor(java.util.UUID accountId, @Nullable String source) {
        return new Attempt(mac("second-factor:" + accountId), source(source));
    }

    /** Asks to check an attempt, counting it as a failure until {@link #succeeded} says otherwise. */
    Admission admit(Attempt attempt) {
        Instant now = time.now();
        if (!sources.tryTake(attempt.source(), now)) {
            return new Throttled(atLeastASecond(sources.untilNextToken(attempt.source(), now)));
        }
        Optional<Instant> lockedUntil = countFailure(attempt.accountKey(), now);
        if (lockedUntil.isPresent()) {
            // Refused without a check: the source did not really try, so it gets its token back.
            sources.giveBack(attempt.source(), now);
            return new Throttled(atLeastASecond(Duration.between(now, lockedUntil.get())));
        }
        return new Admitted(attempt);
    }

    /** The attempt was right: its account's failures are forgotten and the source's token returned. */
    void succeeded(Admitted admitted) {
        jdbc.sql("delete from login_throttle where account_key = ?")
                .param(admitted.attempt().accountKey())
                .update();
        sources.giveBack(admitted.attempt().source(), time.now());
    }

    /**
     * Counts one failure for the account unless it is locked.
     *
     * @return the end of the lockout if the account is locked now (nothing was counted)
     */
    private Optional<Instant> countFailure(String accountKey, Instant now) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Row> row = jdbc.sql(
                            "select failures, locked_until, last_failure_at from login_throttle where account_key = ?")
                    .param(accountKey)
                    .query((rs, n) -> new Row(
                            rs.getInt("failures"),
                            SqlTime.read(rs, "locked_until"),
                            SqlTime.require(rs, "last_failure_at")))
                    .optional();
            if (row.isEmpty()) {
                try {
                    forgetOldCounts(now);
                    jdbc.sql("insert into login_throttle (account_key, failures, locked_until, last_failure_at)"
                                    + " values (?, 1, ?, ?)")
                            .params(accountKey, SqlTime.bind(lockedUntil(1, now)), SqlTime.bind(now))
                            .update();
                    return Optional.empty();
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            Row current = row.get();
            if (current.lockedUntil() != null && now.isBefore(current.lockedUntil())) {
                return Optional.of(current.lockedUntil());
            }
            int failures =
                    current.lastFailureAt().isBefore(now.minus(settings.forgetAfter())) ? 1 : current.failures() + 1;
            Instant locked = lockedUntil(failures, now);
            // Conditioned on the count read: of two attempts racing, one counts and the other reads again.
            int updated = jdbc.sql("update login_throttle set failures = ?, locked_until = ?, last_failure_at = ?"
                            + " where account_key = ? and failures = ?")
                    .params(failures, SqlTime.bind(locked), SqlTime.bind(now), accountKey, current.failures())
                    .update();
            if (updated == 1) {
                if (failures == settings.freeFailures()) {
                    log.warn("sign-in: an account reached {} failed attempts and is locked for a while", failures);
                }
                return Optional.empty();
            }
        }
        // Heavy contention on one account is itself an attack: refuse for a moment.
        return Optional.of(now.plusSeconds(1));
    }

    private record Row(int failures, @Nullable Instant lockedUntil, Instant lastFailureAt) {}

    private @Nullable Instant lockedUntil(int failures, Instant now) {
        Duration lockout = lockout(failures, settings);
        return lockout == null ? null : now.plus(lockout);
    }

    /** The lockout that starts with this failure: none before the free ones are used up, then doubling. */
    static @Nullable Duration lockout(int failures, SecuritySettings.Login settings) {
        if (failures < settings.freeFailures()) {
            return null;
        }
        int doublings = Math.min(failures - settings.freeFailures(), 20);
        Duration lockout = settings.firstLockout().multipliedBy(1L << doublings);
        return lockout.compareTo(settings.maxLockout()) > 0 ? settings.maxLockout() : lockout;
    }

    private void forgetOldCounts(Instant now) {
        jdbc.sql("delete from login_throttle where last_failure_at < ? and (locked_until is null or locked_until < ?)")
                .params(SqlTime.bind(now.minus(settings.forgetAfter())), SqlTime.bind(now))
                .update();
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
    }

    private static String source(@Nullable String address) {
        return address == null || address.isBlank() ? "unknown" : address;
    }

    private static Duration atLeastASecond(Duration duration) {
        return duration.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : duration;
    }
}

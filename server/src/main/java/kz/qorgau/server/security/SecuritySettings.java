package kz.qorgau.server.security;

import java.time.Duration;
import java.util.Set;
import kz.qorgau.server.directory.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code qorgau.security.*} (docs/security.md lists them with their reasons).
 *
 * @param totpRequiredRoles roles that must sign in with a TOTP code (enrolled at their first
 *     sign-in); others may enrol voluntarily. Empty turns the requirement off (not recommended).
 * @param session staff and reporter page sessions
 * @param login throttling of sign-in attempts
 * @param receipts throttling of wrong receipts on the reporter channel
 */
@ConfigurationProperties("qorgau.security")
record SecuritySettings(
        @DefaultValue({"OVERSIGHT", "ADMINISTRATOR"}) Set<Role> totpRequiredRoles,
        @DefaultValue Session session,
        @DefaultValue Login login,
        @DefaultValue Receipts receipts) {

    SecuritySettings {
        totpRequiredRoles = Set.copyOf(totpRequiredRoles);
    }

    /**
     * @param idleTimeout a session unused this long ends (the servlet container's own
     *     {@code server.servlet.session.timeout} only frees memory and should not be shorter)
     * @param absoluteTimeout a session ends this long after sign-in (or after its first request, for
     *     reporters), however active
     * @param secondStepTimeout how long the TOTP step may wait after the password was accepted
     */
    record Session(
            @DefaultValue("30m") Duration idleTimeout,
            @DefaultValue("8h") Duration absoluteTimeout,
            @DefaultValue("5m") Duration secondStepTimeout) {

        Session {
            positive(idleTimeout, "qorgau.security.session.idle-timeout");
            positive(absoluteTimeout, "qorgau.security.session.absolute-timeout");
            positive(secondStepTimeout, "qorgau.security.session.second-step-timeout");
        }
    }

    /**
     * @param freeFailures failures per account before the first lockout
     * @param firstLockout the first lockout; each further failure doubles it
     * @param maxLockout the longest lockout
     * @param forgetAfter failures older than this are forgotten
     * @param sourceBurst failures one source address may have in a burst (all accounts together)
     * @param sourceRefill one more failure is allowed to a source after each period of this length
     * @param throttleKey base64 HMAC key for the stored account keys; by default {@code
     *     keys/login-throttle.key} in the data directory (instances sharing a database must share it)
     */
    record Login(
            @DefaultValue("5") int freeFailures,
            @DefaultValue("1m") Duration firstLockout,
            @DefaultValue("15m") Duration maxLockout,
            @DefaultValue("24h") Duration forgetAfter,
            @DefaultValue("20") int sourceBurst,
            @DefaultValue("15s") Duration sourceRefill,
            @Nullable String throttleKey) {

        Login {
            if (freeFailures < 1 || freeFailures > 100) {
                throw new IllegalArgumentException("qorgau.security.login.free-failures must be between 1 and 100");
            }
            if (sourceBurst < 1) {
                throw new IllegalArgumentException("qorgau.security.login.source-burst must be at least 1");
            }
            positive(firstLockout, "qorgau.security.login.first-lockout");
            positive(maxLockout, "qorgau.security.login.max-lockout");
            positive(forgetAfter, "qorgau.security.login.forget-after");
            positive(sourceRefill, "qorgau.security.login.source-refill");
        }
    }

    /**
     * @param perPartFailures wrong receipts that share one third of their characters before that
     *     third is refused
     * @param perPartRefill one more failure is allowed to a third after each period of this length
     * @param wrongPerMinute wrong receipts per minute for all reporters together before wrong
     *     receipts are answered with 429 instead of 404
     * @param trackedParts the most thirds remembered (least recently used are forgotten first)
     */
    record Receipts(
            @DefaultValue("5") int perPartFailures,
            @DefaultValue("5m") Duration perPartRefill,
            @DefaultValue("60") int wrongPerMinute,
            @DefaultValue("200000") int trackedParts) {

        Receipts {
            if (perPartFailures < 1 || wrongPerMinute < 1 || trackedParts < 1000) {
                throw new IllegalArgumentException("qorgau.security.receipts: per-part-failures and wrong-per-minute"
                        + " must be at least 1, tracked-parts at least 1000");
            }
            positive(perPartRefill, "qorgau.security.receipts.per-part-refill");
        }
    }

    private static void positive(Duration duration, String property) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration, e.g. 30m");
        }
    }
}

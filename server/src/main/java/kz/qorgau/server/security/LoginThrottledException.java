package kz.qorgau.server.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in attempt refused by {@link LoginThrottle} before the password was checked. */
final class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("too many sign-in attempts; try again in " + retryAfter.toSeconds() + " seconds");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}

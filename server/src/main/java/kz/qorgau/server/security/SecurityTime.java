package kz.qorgau.server.security;

import java.time.Clock;
import java.time.Instant;
import kz.qorgau.server.platform.SimulationClock;
import org.springframework.stereotype.Component;

/**
 * The time security decisions use: the {@link Clock} bean, minus the simulation offset when the
 * simulation clock is on. Exercises move the simulated clock by days to replay deadlines, but an
 * authenticator app on a phone, a session left open on a shared computer and an attacker guessing
 * passwords all live in real time: a demo that moves the clock must not make every TOTP code wrong
 * or sign everybody out.
 */
@Component
final class SecurityTime {

    private final Clock clock;

    SecurityTime(Clock clock) {
        this.clock = clock;
    }

    /** Now, in real time. */
    Instant now() {
        Instant instant = clock.instant();
        return clock instanceof SimulationClock simulation ? instant.minus(simulation.offset()) : instant;
    }
}

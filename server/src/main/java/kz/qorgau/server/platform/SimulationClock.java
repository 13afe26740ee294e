package kz.qorgau.server.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with the system clock plus an offset that can only grow: exercises and tests
 * replay weeks in seconds by moving it forward. Only present when {@code qorgau.simulation.enabled}.
 */
public final class SimulationClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    SimulationClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private SimulationClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /**
     * Moves the clock forward.
     *
     * @param by a positive duration
     * @return the new current instant
     * @throws IllegalArgumentException if {@code by} is zero or negative: time never runs backwards
     */
    public Instant advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the simulation clock only moves forward; give a positive duration");
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** How far the simulation is ahead of the real clock. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SimulationClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}

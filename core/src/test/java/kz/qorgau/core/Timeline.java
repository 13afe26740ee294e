package kz.qorgau.core;

import java.time.Duration;
import java.time.Instant;

/** A movable "now" for story tests: a moment that only moves forward when the test says so. */
public final class Timeline {

    private Instant now;

    private Timeline(Instant start) {
        this.now = start;
    }

    /** A timeline starting at a local date-time in Almaty. */
    public static Timeline startingAt(String localDateTime) {
        return new Timeline(Almaty.at(localDateTime));
    }

    /** The current moment. */
    public Instant now() {
        return now;
    }

    /** Moves forward by a duration and returns the new moment. */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        now = now.plus(by);
        return now;
    }

    /** Moves forward to a local date-time in Almaty and returns it. */
    public Instant advanceTo(String localDateTime) {
        Instant next = Almaty.at(localDateTime);
        if (next.isBefore(now)) {
            throw new IllegalArgumentException(
                    "time only moves forward: " + localDateTime + " is before " + Almaty.local(now));
        }
        now = next;
        return now;
    }
}

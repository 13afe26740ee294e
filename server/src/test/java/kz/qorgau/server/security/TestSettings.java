package kz.qorgau.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import kz.qorgau.server.directory.Role;

/** Settings and a clock that moves only when told, for unit tests of the security module. */
final class TestSettings {

    private TestSettings() {}

    static SecuritySettings defaults() {
        return new SecuritySettings(
                Set.of(Role.OVERSIGHT, Role.ADMINISTRATOR),
                new SecuritySettings.Session(Duration.ofMinutes(30), Duration.ofHours(8), Duration.ofMinutes(5)),
                new SecuritySettings.Login(
                        5,
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(15),
                        Duration.ofHours(24),
                        20,
                        Duration.ofSeconds(15),
                        null),
                new SecuritySettings.Receipts(5, Duration.ofMinutes(5), 60, 1000));
    }

    /** A clock that stands still until moved. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

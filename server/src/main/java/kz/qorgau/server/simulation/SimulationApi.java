package kz.qorgau.server.simulation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Map;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.ClockAdvanced;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.SimulationClock;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/simulation/clock}: an administrator moves the server's clock forward so that an
 * exercise replays weeks in seconds. Exists only with {@code qorgau.simulation.enabled}; otherwise the
 * path is a 404. Time never runs backwards.
 */
@RestController
@ConditionalOnProperty(name = "qorgau.simulation.enabled", havingValue = "true")
@Tag(name = "Simulation", description = "Moving the clock in exercises (simulation mode only)")
class SimulationApi {

    static final Duration MAX_STEP = Duration.ofDays(3650);

    private final SimulationClock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    SimulationApi(java.time.Clock clock, ApplicationEventPublisher events, AuditTrail audit) {
        this.audit = audit;
        if (!(clock instanceof SimulationClock simulation)) {
            throw new IllegalStateException("simulation is enabled but the clock is not a SimulationClock");
        }
        this.clock = simulation;
        this.events = events;
    }

    /**
     * @param advance an ISO-8601 duration ({@code PT2H}, {@code P3D}) or period in days or weeks
     *     ({@code P2W})
     * @param to an instant to move to (ISO-8601, e.g. {@code 2027-03-15T09:00:00+05:00}); later than now
     */
    record Move(@Nullable String advance, @Nullable String to) {}

    record Now(Instant now, Duration offset) {}

    @GetMapping("/api/v1/simulation/clock")
    @Operation(summary = "The simulated time")
    Now now() {
        return new Now(clock.instant(), clock.offset());
    }

    @PostMapping("/api/v1/simulation/clock")
    @Transactional
    @Operation(summary = "Move the clock forward by 'advance' or to 'to'")
    Now move(@AuthenticationPrincipal StaffMember admin, @RequestBody Move move) {
        Instant before = clock.instant();
        Duration step;
        if (move.advance() != null && move.to() == null) {
            step = parseStep(move.advance());
        } else if (move.to() != null && move.advance() == null) {
            Instant target = parseInstant(move.to());
            step = Duration.between(before, target);
            if (step.isNegative() || step.isZero()) {
                throw new InvalidInputException("to", "past", "must be later than the simulated now (" + before + ")");
            }
        } else {
            throw new InvalidInputException("advance", "required", "give exactly one of 'advance' or 'to'");
        }
        if (step.compareTo(MAX_STEP) > 0) {
            throw new InvalidInputException("advance", "range", "at most " + MAX_STEP.toDays() + " days at a time");
        }
        Instant after = clock.advance(step);
        audit.record(
                "clock.advanced",
                null,
                new Actor(admin.organisationCode(), admin.role().code()),
                Map.of("from", before.toString(), "to", after.toString()));
        events.publishEvent(new ClockAdvanced(before, after));
        return new Now(after, clock.offset());
    }

    private static Duration parseStep(String text) {
        try {
            Duration duration = Duration.parse(text.trim());
            if (duration.isNegative() || duration.isZero()) {
                throw new InvalidInputException("advance", "positive", "must be a positive duration");
            }
            return duration;
        } catch (DateTimeParseException notADuration) {
            try {
                Period period = Period.parse(text.trim());
                if (period.getYears() != 0 || period.getMonths() != 0) {
                    throw new InvalidInputException(
                            "advance", "ambiguous", "months and years have no fixed length; give days or weeks");
                }
                if (period.getDays() <= 0) {
                    throw new InvalidInputException("advance", "positive", "must be a positive duration");
                }
                return Duration.ofDays(period.getDays());
            } catch (DateTimeParseException neither) {
                throw new InvalidInputException(
                        "advance", "format", "must be an ISO-8601 duration such as PT2H or P3D");
            }
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return java.time.OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("to", "format", "must be an ISO-8601 date-time with offset");
        }
    }
}

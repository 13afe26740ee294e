package kz.qorgau.server.signals;

import java.util.List;
import java.util.UUID;
import kz.qorgau.server.platform.ClockAdvanced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The school signal's clock: every {@code qorgau.signals.sweep-interval} (and at once when the
 * simulation clock moves) the open signals past their deadline are escalated, each in a transaction of
 * its own and exactly once — the signal's row is locked and its state changes from {@code OPEN} by a
 * conditional update in the same transaction that files the case, so a second sweep, a second
 * instance or a decision at the same moment finds it no longer open. One failing signal does not stop
 * the others; it is retried at the next sweep.
 */
@Component
class SchoolSignalClock {

    private static final Logger log = LoggerFactory.getLogger(SchoolSignalClock.class);

    private final SchoolSignals signals;
    private final SignalSettings settings;
    private final TaskScheduler scheduler;

    SchoolSignalClock(SchoolSignals signals, SignalSettings settings, TaskScheduler scheduler) {
        this.signals = signals;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.scheduleWithFixedDelay(this::sweepSafely, settings.sweepInterval());
    }

    /** The simulation clock moved: escalate what became due before answering. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ClockAdvanced advanced) {
        sweepSafely();
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("the school-signal sweep failed; the next run retries: {}", e.toString());
        }
    }

    /** Escalates every due signal; returns how many escalated. */
    synchronized int sweep() {
        int escalated = 0;
        for (int round = 0; round < 1000; round++) {
            List<UUID> due = signals.due(settings.sweepBatch());
            int now = 0;
            for (UUID id : due) {
                try {
                    if (signals.escalate(id)) {
                        now++;
                    }
                } catch (RuntimeException e) {
                    log.error("escalating school signal {} failed; it is retried at the next sweep", id, e);
                }
            }
            escalated += now;
            if (now == 0 || due.size() < settings.sweepBatch()) {
                break;
            }
        }
        return escalated;
    }
}

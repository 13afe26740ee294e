package kz.qorgau.server.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.core.casework.CaseworkRules;
import kz.qorgau.core.casework.EscalationOutcome;
import kz.qorgau.core.casework.Referral;
import kz.qorgau.core.casework.ReferralChanged;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.platform.BatchedWrites;
import kz.qorgau.server.platform.ClockAdvanced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clock nobody can stop: every {@code qorgau.casework.sweep-interval} (and at once when the
 * simulation clock moves) it finds the referrals whose escalation is due — an index range on
 * {@code referral.escalation_due_at}, so the cost grows with the steps due, not with the cases — and
 * escalates each exactly once.
 *
 * <p>Exactly once, also with several instances on one database and across restarts: the due rows are
 * read without locks, then their cases are locked with {@code FOR UPDATE SKIP LOCKED} (a case another
 * instance is working on is skipped, not waited for), the referrals are read again under that lock and
 * the core decides from their stored state ({@code AlreadyEscalated} the second time); every write is
 * conditioned on the version read. One transaction per batch, its writes sent in JDBC batches at
 * commit; if a batch fails, its cases are retried one by one so that one bad case cannot stop the
 * others.
 */
@Component
public class EscalationClock {

    private static final Logger log = LoggerFactory.getLogger(EscalationClock.class);

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final Casework casework;
    private final CaseworkRules rules;
    private final AuditTrail audit;
    private final CaseworkSettings settings;
    private final TaskScheduler scheduler;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final BatchedWrites writes;

    EscalationClock(
            JdbcClient jdbc,
            CaseStore store,
            Casework casework,
            CaseworkRules rules,
            AuditTrail audit,
            CaseworkSettings settings,
            TaskScheduler scheduler,
            PlatformTransactionManager transactions,
            Clock clock,
            BatchedWrites writes) {
        this.writes = writes;
        this.jdbc = jdbc;
        this.store = store;
        this.casework = casework;
        this.rules = rules;
        this.audit = audit;
        this.settings = settings;
        this.scheduler = scheduler;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.scheduleWithFixedDelay(this::sweepSafely, settings.sweepInterval());
    }

    /** The simulation clock moved: escalate what became due before answering. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ClockAdvanced advanced) {
        sweepUntilDone();
    }

    private void sweepSafely() {
        try {
            sweepUntilDone();
        } catch (RuntimeException e) {
            log.warn("the escalation sweep failed; the next run retries: {}", e.toString());
        }
    }

    /** Sweeps until a sweep escalates nothing more; the number escalated. */
    public synchronized int sweepUntilDone() {
        int total = 0;
        for (int round = 0; round < 1000; round++) {
            int escalated = sweep();
            total += escalated;
            if (escalated == 0) {
                break;
            }
        }
        return total;
    }

    /** One sweep (at most {@code qorgau.casework.sweep-batch} due referrals): the number escalated. */
    public int sweep() {
        Instant now = clock.instant();
        record Due(UUID referral, UUID caseId) {}
        List<Due> due = jdbc.sql("""
                        select id, case_id from referral where escalation_due_at <= ?
                        order by escalation_due_at limit ?""")
                .params(platformTime(now), settings.sweepBatch())
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        if (due.isEmpty()) {
            return 0;
        }
        Map<UUID, List<UUID>> byCase = new LinkedHashMap<>();
        for (Due d : due) {
            byCase.computeIfAbsent(d.caseId(), k -> new ArrayList<>()).add(d.referral());
        }
        try {
            Integer escalated = transaction.execute(status -> escalateCases(byCase, now));
            return escalated == null ? 0 : escalated;
        } catch (RuntimeException batchFailed) {
            log.warn("an escalation batch failed ({}); retrying its cases one by one", batchFailed.toString());
            int count = 0;
            for (Map.Entry<UUID, List<UUID>> entry : byCase.entrySet()) {
                try {
                    Integer one =
                            transaction.execute(status -> escalateCases(Map.of(entry.getKey(), entry.getValue()), now));
                    count += one == null ? 0 : one;
                } catch (RuntimeException caseFailed) {
                    log.error("escalating case {} failed; it is retried at the next sweep", entry.getKey(), caseFailed);
                }
            }
            return count;
        }
    }

    /**
     * Escalates the due referrals of these cases, those no other transaction holds. Three reads for
     * the whole batch (lock and read the cases, read their referrals); the writes wait for the commit
     * and go in JDBC batches ({@link BatchedWrites}): nothing in a sweep reads back what it wrote.
     */
    private int escalateCases(Map<UUID, List<UUID>> byCase, Instant now) {
        writes.deferInThisTransaction();
        Map<UUID, CaseStore.StoredCase> locked = store.lockAvailable(byCase.keySet());
        // Cases another instance is escalating or changing right now are left out: that instance
        // escalates them, or the next sweep does.
        Map<UUID, List<Referral>> referrals = store.referralsOfCases(locked.keySet());
        int escalated = 0;
        for (Map.Entry<UUID, CaseStore.StoredCase> entry : locked.entrySet()) {
            CaseStore.StoredCase stored = entry.getValue();
            Casework.Working working = new Casework.Working(
                    stored.value(),
                    new ArrayList<>(referrals.getOrDefault(entry.getKey(), List.of())),
                    stored.region());
            working.reference = stored.reference();
            escalated += escalateCase(working, byCase.get(entry.getKey()), now);
        }
        return escalated;
    }

    /** Escalates the due referrals of one locked case. */
    private int escalateCase(Casework.Working working, List<UUID> referralIds, Instant now) {
        UUID caseId = working.value.id().value();
        int escalated = 0;
        for (UUID referralId : referralIds) {
            Optional<Referral> found = working.referrals.stream()
                    .filter(r -> r.id().value().equals(referralId))
                    .findFirst();
            if (found.isEmpty()) {
                continue; // not this case's any more: nothing to do
            }
            Referral referral = found.get();
            EscalationOutcome outcome = referral.escalate(now, rules);
            switch (outcome) {
                case EscalationOutcome.Escalated e -> {
                    casework.applyReferralChange(
                            working, new ReferralChanged(e.after(), e.event(), Optional.of(e.opening())));
                    audit.record(
                            "referral.escalated",
                            caseId,
                            Actor.system(),
                            Map.of(
                                    "referral", referralId.toString(),
                                    "version", e.after().version(),
                                    "missed", e.missed().name(),
                                    "missedDueAt", e.missedDueAt().toString(),
                                    "to", e.opening().receiverType().name()));
                    escalated++;
                }
                case EscalationOutcome.NotDue notDue -> refreshDue(referral);
                case EscalationOutcome.AlreadyEscalated already -> refreshDue(referral);
                case EscalationOutcome.NothingToEscalate nothing -> refreshDue(referral);
            }
        }
        return escalated;
    }

    /** A row looked due but is not: store its true next due time so it stops being picked up. */
    private void refreshDue(Referral referral) {
        writes.write(
                "update referral set escalation_due_at = ? where id = ? and version = ?",
                new Object[] {
                    platformTime(referral.escalationDueAt(rules.ladders()).orElse(null)),
                    referral.id().value(),
                    referral.version()
                },
                false,
                () -> "");
    }

    private static java.time.@org.jspecify.annotations.Nullable OffsetDateTime platformTime(
            @org.jspecify.annotations.Nullable Instant instant) {
        return kz.qorgau.server.platform.SqlTime.bind(instant);
    }
}

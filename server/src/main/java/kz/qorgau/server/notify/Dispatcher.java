package kz.qorgau.server.notify;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due in the outbox. A run claims due deliveries in short transactions ({@link
 * Outbox#claim}: {@code FOR UPDATE SKIP LOCKED}, so instances sharing a database never claim the same
 * row at once), sends each batch concurrently outside any transaction, and records each result in a
 * transaction of its own. A claimed delivery is reserved for {@code claim-lease}; if the instance
 * stops mid-send it becomes due again then, so delivery is at least once, and exactly once in the
 * normal case. Failed attempts are retried after a doubling wait until {@code max-attempts}, then the
 * delivery is marked FAILED with the reason.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** A run yields after this many deliveries so that one backlog does not hold the thread forever. */
    static final int MAX_PER_RUN = 1000;

    private final Outbox outbox;
    private final MailChannel mail;
    private final WebhookChannel webhooks;
    private final NotifySettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ExecutorService senders;

    Dispatcher(
            Outbox outbox,
            MailChannel mail,
            WebhookChannel webhooks,
            NotifySettings settings,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.mail = mail;
        this.webhooks = webhooks;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                settings.batchSize(), settings.batchSize(), 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "notify-send-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.senders = pool;
    }

    /**
     * One run: makes held e-mails due when SMTP is configured, then claims and sends due deliveries
     * until none is due or {@value #MAX_PER_RUN} were handled. Cost: one indexed query when nothing is
     * due, whatever the size of the outbox.
     *
     * @return how many deliveries were attempted
     */
    int dispatchDue() {
        if (mail.enabled()) {
            Integer released = tx.execute(status -> outbox.releaseHeldEmails(clock.instant()));
            if (released != null && released > 0) {
                log.info("notify: {} held e-mail notices are due now that SMTP is configured", released);
            }
        }
        int handled = 0;
        while (handled < MAX_PER_RUN) {
            List<Outbox.Claim> claims = claim(settings.batchSize());
            if (claims.isEmpty()) {
                break;
            }
            deliverAll(claims);
            handled += claims.size();
            if (claims.size() < settings.batchSize()) {
                break;
            }
        }
        return handled;
    }

    /**
     * Claims up to {@code limit} due deliveries and reserves them for this instance, in a transaction
     * of its own (or the caller's, when there is one: it then holds the row locks until it ends).
     */
    List<Outbox.Claim> claim(int limit) {
        List<Outbox.Claim> claims = tx.execute(status -> {
            Instant now = clock.instant();
            return outbox.claim(now, limit, now.plus(settings.claimLease()));
        });
        return claims == null ? List.of() : claims;
    }

    private void deliverAll(List<Outbox.Claim> claims) {
        if (claims.size() == 1) {
            deliver(claims.getFirst());
            return;
        }
        // Each send waits on the network, bounded by the timeouts; sending the batch at once keeps a
        // batch about as long as its slowest send, well inside the claim lease.
        List<Callable<Void>> sends = claims.stream()
                .map(claim -> (Callable<Void>) () -> {
                    deliver(claim);
                    return null;
                })
                .toList();
        try {
            senders.invokeAll(sends);
        } catch (InterruptedException e) {
            // Stopping: unrecorded claims become due again when their lease ends.
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /** Sends one claimed delivery and records the outcome. */
    void deliver(Outbox.Claim claim) {
        try {
            Outcome outcome;
            if (claim.attempt() > settings.maxAttempts()) {
                outcome = new Outcome.Failed(
                        "gave up after " + settings.maxAttempts()
                                + " attempts; the last one was interrupted (the server stopped while sending?)",
                        true);
            } else {
                outcome = switch (claim.channel()) {
                    case EMAIL -> mail.send(claim);
                    case WEBHOOK -> webhooks.send(claim);
                    case NONE -> new Outcome.Failed(Notifications.noRecipient(claim.organisationCode()), true);
                };
            }
            record(claim, outcome);
        } catch (RuntimeException e) {
            // The delivery stays claimed until its lease ends, then it is due again.
            log.error(
                    "notify: {} while delivering {}; it is retried after the claim lease",
                    e.getClass().getName(),
                    claim.id(),
                    e);
        }
    }

    private void record(Outbox.Claim claim, Outcome outcome) {
        Instant now = clock.instant();
        Boolean applied = tx.execute(status -> switch (outcome) {
            case Outcome.Delivered delivered -> outbox.recordSent(claim, now);
            case Outcome.Held held -> outbox.recordHeld(claim, held.reason());
            case Outcome.Failed failed when failed.permanent() -> failed(claim, failed.reason());
            case Outcome.Failed failed
            when claim.attempt() >= settings.maxAttempts() ->
                failed(claim, "failed permanently after " + claim.attempt() + " attempts; last: " + failed.reason());
            case Outcome.Failed failed ->
                outbox.recordRetry(claim, now.plus(settings.retryAfter(claim.attempt())), failed.reason());
        });
        if (!Boolean.TRUE.equals(applied)) {
            log.warn(
                    "notify: the result of delivery {} attempt {} came after its claim lease and was not recorded",
                    claim.id(),
                    claim.attempt());
        }
    }

    private boolean failed(Outbox.Claim claim, String reason) {
        log.warn(
                "notify: {} delivery {} of a {} notice to {} is FAILED: {}",
                claim.channel(),
                claim.id(),
                claim.kind().event(),
                claim.organisationCode(),
                reason);
        return outbox.recordFailed(claim, reason);
    }
}

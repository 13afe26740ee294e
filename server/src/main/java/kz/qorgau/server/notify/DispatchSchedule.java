package kz.qorgau.server.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the dispatcher every {@code qorgau.notify.dispatch-interval} on a thread of its own (sends wait
 * on the network and must not delay the application's other scheduled work, such as the escalation
 * clock), and says at start how notices will be delivered.
 */
@Component
class DispatchSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);

    private final Dispatcher dispatcher;
    private final MailChannel mail;
    private final Outbox outbox;
    private final NotifySettings settings;
    private final TransactionTemplate tx;
    private volatile ThreadPoolTaskScheduler scheduler;

    DispatchSchedule(
            Dispatcher dispatcher,
            MailChannel mail,
            Outbox outbox,
            NotifySettings settings,
            PlatformTransactionManager transactions) {
        this.dispatcher = dispatcher;
        this.mail = mail;
        this.outbox = outbox;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public void start() {
        if (!settings.dispatchEnabled()) {
            log.info("notify: this instance does not dispatch notices (qorgau.notify.dispatch-enabled=false)");
            return;
        }
        if (mail.enabled()) {
            log.info("notify: sending e-mail and webhook notices every {}", settings.dispatchInterval());
        } else {
            // Held rows are not due, so the dispatcher does not scan them on every run.
            Integer held = tx.execute(status -> outbox.holdEmails(MailChannel.DISABLED));
            log.warn(
                    "notify: e-mail delivery is DISABLED because spring.mail.host is not set; e-mail notices are"
                            + " kept in the outbox, held ({} now), and sent once a server starts with SMTP configured;"
                            + " webhooks are sent every {}",
                    held,
                    settings.dispatchInterval());
        }
        ThreadPoolTaskScheduler fresh = new ThreadPoolTaskScheduler();
        fresh.setPoolSize(1);
        fresh.setThreadNamePrefix("notify-");
        fresh.setWaitForTasksToCompleteOnShutdown(true);
        fresh.setAwaitTerminationSeconds(30);
        fresh.initialize();
        fresh.scheduleWithFixedDelay(this::run, settings.dispatchInterval());
        scheduler = fresh;
    }

    private void run() {
        try {
            dispatcher.dispatchDue();
        } catch (RuntimeException e) {
            log.error(
                    "notify: dispatch run failed ({}); the next run tries again",
                    e.getClass().getName(),
                    e);
        }
    }

    @Override
    public void stop() {
        ThreadPoolTaskScheduler running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}

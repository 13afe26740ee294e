package kz.qorgau.server.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.platform.TransactionMemo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells organisations about cases: {@link #enqueue} writes the notice to the outbox in the caller's
 * transaction; the dispatcher sends it after that transaction committed, by e-mail and to the
 * organisation's webhooks, retrying with backoff. Nothing is sent if the change rolls back; nothing
 * is lost if the server stops before sending.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final Outbox outbox;
    private final NoticeRouting routing;
    private final Directory directory;
    private final Clock clock;

    Notifications(Outbox outbox, NoticeRouting routing, Directory directory, Clock clock) {
        this.outbox = outbox;
        this.routing = routing;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Stores a notice in the outbox, in the caller's transaction: one delivery per recipient address
     * (e-mail) and per active webhook endpoint of the organisation, resolved now. When the organisation
     * has none, a FAILED delivery of channel NONE records that nobody could be told. O(recipients)
     * inserts; sends nothing itself.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction:
     *     call it inside the transaction of the change the notice announces
     * @throws IllegalStateException in a read-only transaction
     * @throws IllegalArgumentException when the organisation is not in the directory
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(Notice notice) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalStateException(
                    "notices are enqueued in the read-write transaction of the change they announce");
        }
        Organisation organisation = TransactionMemo.get(this, notice.organisationCode(), directory::organisation)
                .orElseThrow(() -> new IllegalArgumentException("no organisation has the code "
                        + notice.organisationCode() + "; notices go to organisations in the directory"));
        Instant now = clock.instant();
        UUID noticeId = UUID.randomUUID();
        outbox.insertNotice(noticeId, notice, now);
        if (routing.route(noticeId, organisation, now, true) == 0) {
            outbox.insertDelivery(
                    noticeId,
                    DeliveryChannel.NONE,
                    "-",
                    null,
                    DeliveryState.FAILED,
                    null,
                    noRecipient(organisation.code()),
                    now);
            log.warn(
                    "notify: organisation {} has no e-mail address, no staff e-mail and no active webhook;"
                            + " its {} notice is recorded as undeliverable",
                    organisation.code(),
                    notice.kind().event());
        }
    }

    /**
     * Every delivery of every notice about a case, oldest first, without recipient addresses: for the
     * case's page and chronology ("escalation notice e-mailed at …").
     */
    @Transactional(readOnly = true)
    public List<NoticeDelivery> deliveries(UUID caseId) {
        return outbox.ofCase(caseId);
    }

    static String noRecipient(String organisationCode) {
        return "no recipient: organisation " + organisationCode + " has no e-mail address, no staff member with"
                + " an e-mail and no active webhook; add one, then retry this delivery";
    }
}

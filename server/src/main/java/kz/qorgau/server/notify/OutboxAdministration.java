package kz.qorgau.server.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.directory.Organisation;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.platform.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What an administrator does with the outbox: look at deliveries, retry a FAILED one. */
@Component
class OutboxAdministration {

    static final int MAX_LIST = 500;

    private final Outbox outbox;
    private final NoticeRouting routing;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;

    OutboxAdministration(Outbox outbox, NoticeRouting routing, Directory directory, AuditTrail audit, Clock clock) {
        this.outbox = outbox;
        this.routing = routing;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<NoticeDelivery> list(@Nullable DeliveryState state, @Nullable String organisation, int limit) {
        return outbox.list(state, organisation, Math.max(1, Math.min(limit, MAX_LIST)));
    }

    /**
     * Makes a FAILED delivery due again with a fresh count of attempts. For a notice that had no
     * recipient, looks for recipients again and adds their deliveries.
     */
    @Transactional
    public NoticeDelivery retry(UUID id, Actor by) {
        NoticeDelivery delivery =
                outbox.delivery(id).orElseThrow(() -> new NotFoundException("No notice delivery has this id."));
        if (delivery.state() != DeliveryState.FAILED) {
            throw new RuleViolationException(
                    "notify.retry-failed-only",
                    "only a FAILED delivery can be retried; this one is " + delivery.state());
        }
        Instant now = clock.instant();
        if (delivery.channel() == DeliveryChannel.NONE) {
            Organisation organisation = directory
                    .organisation(delivery.organisationCode())
                    .orElseThrow(() -> new NotFoundException("The notice's organisation is no longer known."));
            int added = routing.route(delivery.noticeId(), organisation, now, false);
            if (added == 0) {
                throw new RuleViolationException(
                        "notify.no-recipient", Notifications.noRecipient(delivery.organisationCode()));
            }
            outbox.annotate(id, "retried at " + now + ": " + added + " deliveries to recipients found then");
        } else {
            outbox.requeue(
                    id, now, "retry requested by an administrator at " + now + "; before: " + delivery.lastError());
        }
        audit.record(
                "notification.retried",
                null,
                by,
                Map.of("delivery", id.toString(), "organisation", delivery.organisationCode()));
        return outbox.delivery(id).orElseThrow();
    }
}

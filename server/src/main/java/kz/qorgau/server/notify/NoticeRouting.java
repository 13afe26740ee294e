package kz.qorgau.server.notify;

import java.time.Instant;
import java.util.UUID;
import kz.qorgau.server.directory.Organisation;
import org.springframework.stereotype.Component;

/**
 * Writes the deliveries of a notice: one per recipient address and one per active webhook endpoint
 * ({@link Recipients}). An e-mail written while SMTP is not configured is held (pending, not due,
 * with the reason) rather than dropped.
 */
@Component
class NoticeRouting {

    private final Outbox outbox;
    private final Recipients recipients;
    private final MailChannel mail;

    NoticeRouting(Outbox outbox, Recipients recipients, MailChannel mail) {
        this.outbox = outbox;
        this.recipients = recipients;
        this.mail = mail;
    }

    /**
     * Adds the deliveries the notice does not have yet; returns how many were added. A notice
     * inserted in this transaction ({@code fresh}) has none, so nothing is looked up.
     */
    int route(UUID noticeId, Organisation organisation, Instant now, boolean fresh) {
        int added = 0;
        for (String address : recipients.emails(organisation)) {
            if (fresh || !outbox.hasDelivery(noticeId, DeliveryChannel.EMAIL, address)) {
                boolean sendable = mail.enabled();
                outbox.insertDelivery(
                        noticeId,
                        DeliveryChannel.EMAIL,
                        address,
                        null,
                        DeliveryState.PENDING,
                        sendable ? now : null,
                        sendable ? null : MailChannel.DISABLED,
                        now);
                added++;
            }
        }
        for (UUID webhook : recipients.webhooks(organisation.code())) {
            if (fresh || !outbox.hasDelivery(noticeId, DeliveryChannel.WEBHOOK, webhook.toString())) {
                outbox.insertDelivery(
                        noticeId,
                        DeliveryChannel.WEBHOOK,
                        webhook.toString(),
                        webhook,
                        DeliveryState.PENDING,
                        now,
                        null,
                        now);
                added++;
            }
        }
        return added;
    }
}

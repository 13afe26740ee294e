/**
 * Notifications: tells organisations about cases that need them (a referral, an escalation, a
 * reporter's message…) by e-mail and by signed webhooks, from a transactional outbox, so that a
 * notice is sent if and only if the change it announces committed, and survives restarts.
 *
 * <p>The API is {@link kz.qorgau.server.notify.Notifications#enqueue(Notice)}; notices carry a case
 * reference and a link, never personal data. See {@code docs/notifications.md}.
 */
@NullMarked
@ApplicationModule(
        displayName = "Notify",
        allowedDependencies = {"platform", "directory", "audit"})
package kz.qorgau.server.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

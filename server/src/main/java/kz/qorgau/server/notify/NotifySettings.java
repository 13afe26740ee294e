package kz.qorgau.server.notify;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code qorgau.notify}. SMTP itself is configured with Spring's {@code spring.mail.*}
 * (host, port, username, password, {@code properties.mail.smtp.starttls.enable} …).
 *
 * @param dispatchEnabled whether this instance sends from the outbox on a schedule (several instances
 *     may; each delivery is claimed by one)
 * @param dispatchInterval the pause between two dispatch runs
 * @param batchSize how many due deliveries one claim takes; they are sent concurrently
 * @param maxAttempts attempts per delivery before it is marked FAILED (kept, visible, retryable by an
 *     administrator)
 * @param firstRetryAfter the wait after the first failed attempt; each further wait doubles
 * @param maxRetryInterval the longest wait between two attempts
 * @param claimLease how long a claimed delivery is reserved for the instance sending it; if that
 *     instance stops mid-send, another sends it after this (at-least-once). Longer than any send.
 * @param mail e-mail settings
 * @param webhook webhook settings
 */
@ConfigurationProperties("qorgau.notify")
record NotifySettings(
        @DefaultValue("true") boolean dispatchEnabled,
        @DefaultValue("5s") Duration dispatchInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("30s") Duration firstRetryAfter,
        @DefaultValue("1h") Duration maxRetryInterval,
        @DefaultValue("5m") Duration claimLease,
        @DefaultValue Mail mail,
        @DefaultValue Webhook webhook) {

    private static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

    NotifySettings {
        positive("qorgau.notify.dispatch-interval", dispatchInterval);
        positive("qorgau.notify.first-retry-after", firstRetryAfter);
        positive("qorgau.notify.claim-lease", claimLease);
        if (maxRetryInterval.compareTo(firstRetryAfter) < 0) {
            throw new IllegalArgumentException(
                    "qorgau.notify.max-retry-interval must be at least qorgau.notify.first-retry-after");
        }
        if (batchSize < 1 || batchSize > 500) {
            throw new IllegalArgumentException("qorgau.notify.batch-size must be between 1 and 500");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("qorgau.notify.max-attempts must be between 1 and 100");
        }
        Duration longestSend = webhook.connectTimeout().plus(webhook.readTimeout());
        if (claimLease.compareTo(longestSend.plusSeconds(30)) < 0) {
            throw new IllegalArgumentException("qorgau.notify.claim-lease must exceed the webhook connect and read"
                    + " timeouts together by at least 30 seconds, so that a slow send is not sent twice");
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration such as 5s or 2m");
        }
    }

    /** The wait after the given number of failed attempts: doubling from the first, capped. */
    Duration retryAfter(int failedAttempts) {
        Duration wait = firstRetryAfter;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxRetryInterval) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : wait;
    }

    /**
     * @param from the sender, e.g. {@code Qorgau <no-reply@qorgau.example.kz>}
     * @param languages the languages of every e-mail, in order; organisations have no language of their
     *     own, so each e-mail carries all of these (Kazakh, Russian and English by default)
     */
    record Mail(
            @DefaultValue("Qorgau <no-reply@localhost>") String from,
            @DefaultValue({"kk", "ru", "en"}) List<String> languages) {

        Mail {
            if (from.isBlank() || from.length() > 254) {
                throw new IllegalArgumentException("qorgau.notify.mail.from must be an address of at most 254"
                        + " characters, e.g. 'Qorgau <no-reply@qorgau.example.kz>'");
            }
            if (languages.isEmpty() || !LANGUAGES.containsAll(languages)) {
                throw new IllegalArgumentException(
                        "qorgau.notify.mail.languages must list some of kk, ru, en; was " + languages);
            }
            languages = List.copyOf(languages);
        }

        List<Locale> locales() {
            return languages.stream().map(Locale::forLanguageTag).toList();
        }
    }

    /**
     * @param connectTimeout how long to wait for a webhook receiver to accept the connection
     * @param readTimeout how long to wait for its answer
     * @param maxPerOrganisation the most active endpoints one organisation may have
     */
    record Webhook(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("10") int maxPerOrganisation) {

        Webhook {
            positive("qorgau.notify.webhook.connect-timeout", connectTimeout);
            positive("qorgau.notify.webhook.read-timeout", readTimeout);
            if (maxPerOrganisation < 1 || maxPerOrganisation > 100) {
                throw new IllegalArgumentException(
                        "qorgau.notify.webhook.max-per-organisation must be between 1 and 100");
            }
        }
    }
}

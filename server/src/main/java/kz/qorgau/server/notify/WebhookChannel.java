package kz.qorgau.server.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends notices to webhook endpoints: a JSON POST signed with HMAC-SHA-256 ({@link WebhookSignature}),
 * with {@code Qorgau-Delivery} as the idempotency key. A 2xx answer is delivered; anything else
 * (other statuses, redirects, timeouts, refused connections) is retried.
 */
@Component
class WebhookChannel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Webhooks webhooks;
    private final HttpClient client;
    private final NotifySettings.Webhook settings;
    private final Clock clock;

    WebhookChannel(Webhooks webhooks, NotifySettings settings, Clock clock) {
        this.webhooks = webhooks;
        this.settings = settings.webhook();
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(this.settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: a plain-http receiver is not sent an h2c upgrade it may not understand.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * The body for a delivery. It depends only on the stored notice, so every retry sends the same
     * bytes; only the signature's time changes.
     */
    static String body(Outbox.Claim claim) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", claim.noticeId().toString());
        body.put("event", claim.kind().event());
        body.put("organisation", claim.organisationCode());
        body.put("caseId", claim.caseId().toString());
        body.put("caseReference", claim.caseReference());
        body.put("detail", claim.detail());
        body.put("occurredAt", claim.noticeCreatedAt().toString());
        return JSON.writeValueAsString(body);
    }

    Outcome send(Outbox.Claim claim) {
        if (claim.webhookId() == null) {
            return new Outcome.Failed("the delivery names no webhook endpoint", true);
        }
        Webhooks.Target target = webhooks.target(claim.webhookId()).orElse(null);
        if (target == null || !target.active()) {
            return new Outcome.Failed("the webhook endpoint was deactivated before delivery", true);
        }
        String body = body(claim);
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(settings.readTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Qorgau-Webhooks/1")
                .header(WebhookSignature.HEADER, WebhookSignature.header(target.secret(), now, body))
                .header(WebhookSignature.DELIVERY_HEADER, claim.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return new Outcome.Delivered();
            }
            return new Outcome.Failed("the receiver answered HTTP " + response.statusCode(), false);
        } catch (HttpTimeoutException e) {
            return new Outcome.Failed("no answer in time: " + FailureText.of(e), false);
        } catch (IOException e) {
            return new Outcome.Failed(FailureText.of(e), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted while sending (the server is stopping)", false);
        }
    }
}

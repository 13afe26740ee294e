package kz.qorgau.server.notify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.directory.Role;
import kz.qorgau.server.directory.StaffMember;
import kz.qorgau.server.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration of notifications under {@code /api/v1/admin/}: webhook endpoints (register, list,
 * deactivate) and the outbox (list deliveries, retry a FAILED one). Only for administrators whose
 * token carries the {@code admin} scope; everyone else gets 403 problem+json.
 */
@RestController
@Tag(name = "Notifications", description = "Webhook endpoints and the notification outbox (administrators)")
class NotifyAdminApi {

    static final String ADMIN_SCOPE = "SCOPE_admin";

    private final Webhooks webhooks;
    private final OutboxAdministration outbox;

    NotifyAdminApi(Webhooks webhooks, OutboxAdministration outbox) {
        this.webhooks = webhooks;
        this.outbox = outbox;
    }

    /**
     * @param organisation the organisation's code (at most 64 characters)
     * @param url the receiver's http(s) URL (at most 2000 characters)
     */
    record RegisterWebhook(
            @Nullable String organisation, @Nullable String url) {}

    /** The new endpoint and its signing secret, shown this once. */
    record RegisteredWebhook(
            UUID id,
            String organisation,
            String url,
            boolean active,
            Instant createdAt,
            String secret,
            String signatureHeader,
            String deliveryHeader) {}

    @PostMapping("/api/v1/admin/webhooks")
    @Operation(
            summary = "Register a webhook endpoint for an organisation",
            description = "The response shows the signing secret once; it cannot be read again.")
    ResponseEntity<RegisteredWebhook> register(
            @AuthenticationPrincipal StaffMember admin, @RequestBody RegisterWebhook request) {
        requireAdministrator(admin);
        Webhooks.Registered registered = webhooks.register(request.organisation(), request.url(), actor(admin));
        Webhooks.Endpoint endpoint = registered.endpoint();
        return ResponseEntity.created(URI.create("/api/v1/admin/webhooks/" + endpoint.id()))
                .body(new RegisteredWebhook(
                        endpoint.id(),
                        endpoint.organisation(),
                        endpoint.url(),
                        endpoint.active(),
                        endpoint.createdAt(),
                        registered.secret(),
                        WebhookSignature.HEADER,
                        WebhookSignature.DELIVERY_HEADER));
    }

    @GetMapping("/api/v1/admin/webhooks")
    @Operation(summary = "Webhook endpoints, of one organisation or all (never their secrets)")
    List<Webhooks.Endpoint> endpoints(
            @AuthenticationPrincipal StaffMember admin,
            @RequestParam(name = "organisation", required = false) @Nullable String organisation) {
        requireAdministrator(admin);
        return webhooks.endpoints(checkedCode(organisation));
    }

    @PostMapping("/api/v1/admin/webhooks/{id}/deactivate")
    @Operation(summary = "Deactivate a webhook endpoint; its pending deliveries fail with that reason")
    Webhooks.Endpoint deactivate(@AuthenticationPrincipal StaffMember admin, @PathVariable("id") UUID id) {
        requireAdministrator(admin);
        return webhooks.deactivate(id, actor(admin));
    }

    @GetMapping("/api/v1/admin/notifications")
    @Operation(summary = "Notice deliveries, newest first (e.g. state=FAILED)")
    List<NoticeDelivery> deliveries(
            @AuthenticationPrincipal StaffMember admin,
            @RequestParam(name = "state", required = false) @Nullable String state,
            @RequestParam(name = "organisation", required = false) @Nullable String organisation,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        requireAdministrator(admin);
        if (limit < 1 || limit > OutboxAdministration.MAX_LIST) {
            throw new InvalidInputException("limit", "range", "must be between 1 and " + OutboxAdministration.MAX_LIST);
        }
        return outbox.list(state(state), checkedCode(organisation), limit);
    }

    @PostMapping("/api/v1/admin/notifications/{id}/retry")
    @Operation(summary = "Retry a FAILED delivery (for one that had no recipient: look for recipients again)")
    NoticeDelivery retry(@AuthenticationPrincipal StaffMember admin, @PathVariable("id") UUID id) {
        requireAdministrator(admin);
        return outbox.retry(id, actor(admin));
    }

    private static @Nullable DeliveryState state(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return DeliveryState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "unknown", "must be one of PENDING, SENT, FAILED");
        }
    }

    private static @Nullable String checkedCode(@Nullable String organisation) {
        if (organisation == null || organisation.isBlank()) {
            return null;
        }
        if (organisation.length() > 64) {
            throw new InvalidInputException("organisation", "length", "must be at most 64 characters");
        }
        return organisation.trim();
    }

    /**
     * The API's security chain only requires a signed-in caller here; this is the check that it is an
     * administrator acting with an administrative token.
     */
    static void requireAdministrator(@Nullable StaffMember member) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean scoped = authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> ADMIN_SCOPE.equals(a.getAuthority()));
        if (member == null || member.role() != Role.ADMINISTRATOR || !scoped) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN,
                    "Only an administrator with a token of scope 'admin' may manage notifications.");
            problem.setType(URI.create("https://qorgau.kz/problems/forbidden"));
            problem.setTitle("Forbidden");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
    }

    private static Actor actor(StaffMember admin) {
        return new Actor(admin.organisationCode(), admin.role().code());
    }
}

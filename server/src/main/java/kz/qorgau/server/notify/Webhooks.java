package kz.qorgau.server.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.qorgau.server.audit.Actor;
import kz.qorgau.server.audit.AuditTrail;
import kz.qorgau.server.directory.Directory;
import kz.qorgau.server.platform.FieldCipher;
import kz.qorgau.server.platform.InvalidInputException;
import kz.qorgau.server.platform.NotFoundException;
import kz.qorgau.server.platform.RuleViolationException;
import kz.qorgau.server.platform.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook endpoints of organisations' integrations. Registering one generates its signing secret,
 * shown once and stored sealed ({@link FieldCipher}, bound to its row); endpoints are deactivated,
 * never deleted. Both are recorded in the ledger ({@code webhook.registered},
 * {@code webhook.deactivated}).
 */
@Service
public class Webhooks {

    /** The longest URL accepted. */
    public static final int MAX_URL = 2000;

    static final String TABLE = "notify_webhook";
    static final String SECRET_COLUMN = "secret_sealed";
    private static final String SECRET_PREFIX = "whsec_";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Directory directory;
    private final AuditTrail audit;
    private final NotifySettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Webhooks(
            JdbcClient jdbc,
            FieldCipher cipher,
            Directory directory,
            AuditTrail audit,
            NotifySettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.directory = directory;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** An endpoint as administrators see it; the secret is never shown again. */
    public record Endpoint(
            UUID id,
            String organisation,
            String url,
            boolean active,
            Instant createdAt,
            @Nullable Instant deactivatedAt) {}

    /**
     * A newly registered endpoint with its signing secret, shown this once: the receiver verifies
     * {@code Qorgau-Signature} with it (docs/notifications.md).
     */
    public record Registered(Endpoint endpoint, String secret) {}

    /** An endpoint with what the dispatcher needs to call it. */
    record Target(UUID id, String url, String secret, boolean active) {}

    /**
     * Registers an endpoint for an organisation's notices, from the next notice on.
     *
     * @param url an absolute http or https URL without credentials or fragment, at most
     *     {@value #MAX_URL} characters
     * @param by who registers it, for the ledger
     * @throws InvalidInputException for an unknown organisation or a URL that breaks these rules
     * @throws RuleViolationException when the organisation already has the most active endpoints allowed
     */
    @Transactional
    public Registered register(@Nullable String organisation, @Nullable String url, Actor by) {
        String code = organisation(organisation);
        URI target = checkUrl(url);
        long active = jdbc.sql("select count(*) from notify_webhook where organisation_code = ? and active")
                .param(code)
                .query(Long.class)
                .single();
        if (active >= settings.webhook().maxPerOrganisation()) {
            throw new RuleViolationException(
                    "webhook.limit",
                    "the organisation already has " + active + " active webhook endpoints, the most allowed;"
                            + " deactivate one first");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String secret = newSecret();
        jdbc.sql("""
                        insert into notify_webhook (id, organisation_code, url, secret_sealed, active, created_at)
                        values (?, ?, ?, ?, true, ?)""")
                .params(id, code, target.toString(), cipher.seal(secret, TABLE, SECRET_COLUMN, id), SqlTime.bind(now))
                .update();
        audit.record(
                "webhook.registered",
                null,
                by,
                Map.of("webhook", id.toString(), "organisation", code, "url", target.toString()));
        return new Registered(new Endpoint(id, code, target.toString(), true, now, null), secret);
    }

    /**
     * Deactivates an endpoint: it receives nothing more, and its pending deliveries fail with that
     * reason. Deactivating an inactive endpoint changes nothing.
     *
     * @throws NotFoundException when no endpoint has this id
     */
    @Transactional
    public Endpoint deactivate(UUID id, Actor by) {
        Endpoint endpoint = endpoint(id).orElseThrow(() -> new NotFoundException("No webhook endpoint has this id."));
        if (!endpoint.active()) {
            return endpoint;
        }
        Instant now = clock.instant();
        jdbc.sql("update notify_webhook set active = false, deactivated_at = ? where id = ? and active")
                .params(SqlTime.bind(now), id)
                .update();
        audit.record(
                "webhook.deactivated",
                null,
                by,
                Map.of("webhook", id.toString(), "organisation", endpoint.organisation()));
        return new Endpoint(id, endpoint.organisation(), endpoint.url(), false, endpoint.createdAt(), now);
    }

    /** The endpoints of one organisation, or of all when {@code organisation} is null, oldest first. */
    @Transactional(readOnly = true)
    public List<Endpoint> endpoints(@Nullable String organisation) {
        return jdbc.sql("""
                        select * from notify_webhook
                        where cast(:organisation as varchar(64)) is null or organisation_code = :organisation
                        order by created_at, id""")
                .param("organisation", organisation)
                .query(Webhooks::endpoint)
                .list();
    }

    /** One endpoint. */
    @Transactional(readOnly = true)
    public Optional<Endpoint> endpoint(UUID id) {
        return jdbc.sql("select * from notify_webhook where id = ?")
                .param(id)
                .query(Webhooks::endpoint)
                .optional();
    }

    @Transactional(readOnly = true)
    Optional<Target> target(UUID id) {
        return jdbc.sql("select id, url, secret_sealed, active from notify_webhook where id = ?")
                .param(id)
                .query((rs, row) -> new Target(
                        id,
                        rs.getString("url"),
                        requireSecret(cipher.open(rs.getBytes("secret_sealed"), TABLE, SECRET_COLUMN, id)),
                        rs.getBoolean("active")))
                .optional();
    }

    private String organisation(@Nullable String organisation) {
        if (organisation == null || organisation.isBlank()) {
            throw new InvalidInputException("organisation", "required", "give the organisation's code");
        }
        if (organisation.length() > 64) {
            throw new InvalidInputException("organisation", "length", "must be at most 64 characters");
        }
        String code = organisation.trim();
        if (directory.organisation(code).isEmpty()) {
            throw new InvalidInputException("organisation", "unknown", "no organisation has the code " + code);
        }
        return code;
    }

    /** Refuses anything but an absolute http(s) URL with a host, without credentials or fragment. */
    static URI checkUrl(@Nullable String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("url", "required", "give the endpoint's https URL");
        }
        if (url.length() > MAX_URL) {
            throw new InvalidInputException("url", "length", "must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "format", "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidInputException("url", "scheme", "must be an http or https URL (https in production)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidInputException("url", "host", "must name a host, e.g. https://receiver.example.kz/qorgau");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException(
                    "url", "credentials", "must not contain credentials; the signature authenticates Qorgau");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidInputException("url", "fragment", "must not contain a fragment (#…)");
        }
        return uri;
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String requireSecret(@Nullable String secret) {
        if (secret == null) {
            throw new IllegalStateException("a webhook endpoint without a secret: the row was altered");
        }
        return secret;
    }

    private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new Endpoint(
                rs.getObject("id", UUID.class),
                rs.getString("organisation_code"),
                rs.getString("url"),
                rs.getBoolean("active"),
                SqlTime.require(rs, "created_at"),
                SqlTime.read(rs, "deactivated_at"));
    }
}

package org.rubrica.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhooks belong to an integration token: it registers the URLs to be told of its unit's events, each with a
 * secret (shown once) that signs every call, and reads the log of calls. Rubrica posts each event once it
 * happened, retrying with growing waits while the receiver fails; ending the token ends its webhooks.
 */
@Service
@Transactional
public class Webhooks {

    static final int MAX_PER_INTEGRATION = 10;
    static final int MAX_URL = 2000;
    static final int MAX_LOG = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Webhooks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The new webhook and its secret, which only this answer carries. */
    public record Created(Webhook webhook, String secret) {
    }

    /**
     * @throws InvalidInputException for a URL that is not http(s), carries a password, or is too long; no events;
     *                               or more webhooks than an integration may have
     */
    public Created create(long integrationId, String url, Set<WebhookEvent> events) {
        URI target = validUrl(url);
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException("webhook.events", "events");
        }
        long existing = jdbc.sql("SELECT count(*) FROM api_webhook WHERE integration_id = :i AND deleted_at IS NULL")
                .param("i", integrationId).query(Long.class).single();
        if (existing >= MAX_PER_INTEGRATION) {
            throw new InvalidInputException("webhook.too-many", "url", MAX_PER_INTEGRATION);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                        INSERT INTO api_webhook (integration_id, url, secret, events, created_at)
                        VALUES (:i, :url, :secret, :events, :now) RETURNING id""")
                .param("i", integrationId).param("url", target.toString()).param("secret", secret)
                .param("events", events.stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        return new Created(get(integrationId, id), secret);
    }

    @Transactional(readOnly = true)
    public List<Webhook> list(long integrationId) {
        return select("w.integration_id = :i AND w.deleted_at IS NULL ORDER BY w.id", integrationId, null);
    }

    /** Stops the webhook; calls still waiting are cancelled, and the log stays. */
    public void delete(long integrationId, long id) {
        get(integrationId, id);
        jdbc.sql("UPDATE api_webhook SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        jdbc.sql("UPDATE api_webhook_delivery SET status = 'CANCELLED', next_attempt_at = NULL"
                + " WHERE webhook_id = :id AND status = 'PENDING'").param("id", id).update();
    }

    /** The newest calls of one of the integration's webhooks, newest first. */
    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(long integrationId, long webhookId, int limit) {
        get(integrationId, webhookId);
        return jdbc.sql("""
                        SELECT id, event, status, attempts, last_status, last_error, created_at, next_attempt_at,
                               delivered_at, payload
                        FROM api_webhook_delivery WHERE webhook_id = :w ORDER BY created_at DESC, id LIMIT :limit""")
                .param("w", webhookId).param("limit", Math.max(1, Math.min(limit, MAX_LOG)))
                .query((rs, n) -> new WebhookDelivery(rs.getObject("id", UUID.class), rs.getString("event"),
                        rs.getString("status"), rs.getInt("attempts"), (Integer) rs.getObject("last_status"),
                        rs.getString("last_error"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("delivered_at")),
                        rs.getString("payload")))
                .list();
    }

    private Webhook get(long integrationId, long id) {
        return select("w.integration_id = :i AND w.id = :id AND w.deleted_at IS NULL", integrationId, id).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("webhook " + id));
    }

    private List<Webhook> select(String where, long integrationId, Long id) {
        var statement = jdbc.sql("SELECT w.id, w.url, w.events, w.created_at FROM api_webhook w WHERE " + where)
                .param("i", integrationId);
        if (id != null) {
            statement = statement.param("id", id);
        }
        return statement.query((rs, n) -> {
            Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
            Arrays.stream((String[]) rs.getArray("events").getArray()).forEach(e -> events.add(WebhookEvent.valueOf(e)));
            return new Webhook(rs.getLong("id"), rs.getString("url"), Set.copyOf(events),
                    instant(rs.getTimestamp("created_at")));
        }).list();
    }

    private static URI validUrl(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.strip());
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null
                    || uri.toString().length() > MAX_URL) {
                throw new InvalidInputException("webhook.url", "url");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("webhook.url", "url");
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

package org.rubrica.api.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the pending webhook calls. Each call is claimed for a while in a short transaction (so two nodes never
 * post the same one), posted outside it, and its outcome written: a 2xx answer delivers it; anything else waits
 * {@code retryBase} × 2^(attempts − 1) (at most an hour) and tries again, up to {@link #MAX_ATTEMPTS}.
 * <p>
 * Each call carries {@code X-Rubrica-Signature: sha256=<hex>}, the HMAC-SHA256 with the webhook's secret of
 * {@code <X-Rubrica-Timestamp>.<body>}, so the receiver can tell it came from Rubrica and refuse an old replay.
 */
@Component
class WebhookDispatcher {

    static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 20;
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private record Due(UUID id, String event, String payload, int attempts, String url, String secret) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retryBase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookDispatcher(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                      @Value("${rubrica.webhooks.retry-base:PT30S}") Duration retryBase) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retryBase = retryBase;
    }

    @Scheduled(fixedDelayString = "${rubrica.webhooks.poll:PT2S}", initialDelayString = "${rubrica.webhooks.poll:PT2S}")
    void scheduled() {
        dispatchDue(clock.instant());
    }

    /** Posts the calls due at {@code now} (tests pass the time they want); returns how many were posted. */
    int dispatchDue(Instant now) {
        int posted = 0;
        List<Due> due;
        while (!(due = claim(now)).isEmpty()) {
            for (Due call : due) {
                post(call, now);
                posted++;
            }
        }
        return posted;
    }

    /** Takes up to a batch of due calls for a while; calls of a deleted webhook or an ended token are cancelled. */
    private List<Due> claim(Instant now) {
        return transactions.execute(status -> {
            jdbc.sql("""
                            UPDATE api_webhook_delivery d SET status = 'CANCELLED', next_attempt_at = NULL
                            FROM api_webhook w JOIN api_integration_token t ON t.id = w.integration_id
                            WHERE d.webhook_id = w.id AND d.status = 'PENDING' AND d.next_attempt_at <= :now
                              AND (w.deleted_at IS NOT NULL OR t.revoked_at IS NOT NULL
                                   OR (t.expires_at IS NOT NULL AND t.expires_at <= :now))""")
                    .param("now", Timestamp.from(now)).update();
            List<Due> calls = jdbc.sql("""
                            SELECT d.id, d.event, d.payload, d.attempts, w.url, w.secret
                            FROM api_webhook_delivery d JOIN api_webhook w ON w.id = d.webhook_id
                            WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                            ORDER BY d.next_attempt_at LIMIT :batch FOR UPDATE OF d SKIP LOCKED""")
                    .param("now", Timestamp.from(now)).param("batch", BATCH)
                    .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getInt(4), rs.getString(5), rs.getString(6)))
                    .list();
            calls.forEach(c -> jdbc.sql("UPDATE api_webhook_delivery SET next_attempt_at = :until WHERE id = :id")
                    .param("until", Timestamp.from(now.plus(CLAIM))).param("id", c.id()).update());
            return calls;
        });
    }

    private void post(Due call, Instant now) {
        Integer status = null;
        String error = null;
        try {
            String timestamp = String.valueOf(now.getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(URI.create(call.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Rubrica-Webhooks/1")
                    .header("X-Rubrica-Event", call.event())
                    .header("X-Rubrica-Delivery", call.id().toString())
                    .header("X-Rubrica-Timestamp", timestamp)
                    .header("X-Rubrica-Signature", "sha256=" + signature(call.secret(), timestamp, call.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(call.payload(), StandardCharsets.UTF_8)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) { // unreachable host, refused connection, timeout, bad URL: all worth another try
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        record(call, now, status, error);
    }

    private void record(Due call, Instant now, Integer status, String error) {
        int attempts = call.attempts() + 1;
        boolean delivered = status != null && status >= 200 && status < 300;
        String outcome = delivered ? "DELIVERED" : attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
        Instant next = "PENDING".equals(outcome) ? now.plus(wait(attempts)) : null;
        jdbc.sql("""
                        UPDATE api_webhook_delivery SET status = :status, attempts = :attempts, last_status = :code,
                            last_error = :error, next_attempt_at = :next, delivered_at = :delivered WHERE id = :id""")
                .param("status", outcome).param("attempts", attempts).param("code", status)
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 500)))
                .param("next", next == null ? null : Timestamp.from(next))
                .param("delivered", delivered ? Timestamp.from(now) : null).param("id", call.id()).update();
        if ("FAILED".equals(outcome)) {
            log.warn("Webhook call {} ({}) given up after {} attempts: {}", call.id(), call.event(), attempts,
                    status != null ? "HTTP " + status : error);
        }
    }

    /** retryBase × 2^(attempts − 1), at most an hour. */
    private Duration wait(int attempts) {
        return org.rubrica.shared.Backoff.after(attempts, retryBase, LONGEST_WAIT);
    }

    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.rubrica.exchange.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the envelopes (and acknowledgements) on their way to other installations. Each is claimed for a while in a short transaction (two
 * nodes never post the same one), posted outside it, and its outcome written: taken (202) or already there (409)
 * delivers it; refused (4xx) stops it with the answer kept; anything else (unreachable, 5xx) waits
 * {@code retryBase} × 2^(attempts − 1), at most an hour, up to {@link #MAX_ATTEMPTS}. The envelope id makes a
 * retry harmless: the other installation takes it once.
 */
@Component
public class OutboundDispatcher {

    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 10;
    private static final Duration CLAIM = Duration.ofMinutes(5);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);

    /** An envelope (with its files, as a multipart form) or an acknowledgement (the XML alone). */
    private record Due(UUID id, byte[] envelope, int attempts, String baseUrl, boolean acknowledgement) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retryBase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    OutboundDispatcher(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                       @Value("${rubrica.exchange.retry-base:PT30S}") Duration retryBase) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retryBase = retryBase;
    }

    @Scheduled(fixedDelayString = "${rubrica.exchange.poll:PT5S}", initialDelayString = "${rubrica.exchange.poll:PT5S}")
    void scheduled() {
        dispatchDue(clock.instant());
    }

    /** Posts the envelopes due at {@code now} (tests pass the time they want); returns how many were posted. */
    public int dispatchDue(Instant now) {
        int posted = 0;
        List<Due> due;
        while (!(due = claim(now)).isEmpty()) {
            for (Due envelope : due) {
                post(envelope, now);
                posted++;
            }
        }
        return posted;
    }

    private List<Due> claim(Instant now) {
        return transactions.execute(status -> {
            List<Due> envelopes = jdbc.sql("""
                            SELECT o.envelope_id, o.envelope, o.attempts, n.base_url, o.kind = 'ACK'
                            FROM exchange_outbound o JOIN exchange_node n ON n.id = o.node_id
                            WHERE o.status = 'PENDING' AND o.next_attempt_at <= ? AND n.active
                            ORDER BY o.next_attempt_at LIMIT ? FOR UPDATE OF o SKIP LOCKED""")
                    .params(Timestamp.from(now), BATCH)
                    .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getInt(3),
                            rs.getString(4), rs.getBoolean(5)))
                    .list();
            envelopes.forEach(e -> jdbc.sql("UPDATE exchange_outbound SET next_attempt_at = ? WHERE envelope_id = ?")
                    .params(Timestamp.from(now.plus(CLAIM)), e.id()).update());
            return envelopes;
        });
    }

    private void post(Due envelope, Instant now) {
        Integer status = null;
        String error = null;
        try {
            String base = envelope.baseUrl().replaceAll("/+$", "") + "/api/v1/exchange/";
            HttpRequest request;
            if (envelope.acknowledgement()) {
                request = HttpRequest.newBuilder(URI.create(base + "acknowledgements")).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(envelope.envelope())).build();
            } else {
                String boundary = "rubrica-" + UUID.randomUUID();
                request = HttpRequest.newBuilder(URI.create(base + "envelopes")).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body(envelope, boundary))).build();
            }
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status >= 400 && status != 409) {
                error = response.body();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) { // unreachable, refused connection, timeout: worth another try
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        record(envelope, now, status, error);
    }

    /** The signed XML as the part "envelope", then each file under its own name. */
    private byte[] body(Due envelope, String boundary) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "envelope", "envelope.xml", "application/xml", envelope.envelope());
        jdbc.sql("SELECT name, media_type, content FROM exchange_outbound_file WHERE envelope_id = ? ORDER BY name")
                .param(envelope.id())
                .query(rs -> {
                    try {
                        part(body, boundary, rs.getString(1), rs.getString(1), rs.getString(2), rs.getBytes(3));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName,
                             String mediaType, byte[] content) throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name)
                + "\"; filename=\"" + quoted(fileName) + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", " ").replace("\n", " ");
    }

    private void record(Due envelope, Instant now, Integer status, String error) {
        int attempts = envelope.attempts() + 1;
        boolean taken = status != null && (status == 202 || status == 200 || status == 409);
        boolean refused = status != null && status >= 400 && status < 500 && status != 409;
        String outcome = taken ? "DELIVERED" : refused ? "REFUSED" : attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
        Instant next = "PENDING".equals(outcome) ? now.plus(wait(attempts)) : null;
        jdbc.sql("""
                        UPDATE exchange_outbound SET status = ?, attempts = ?, last_status = ?, last_error = ?,
                            next_attempt_at = ?, delivered_at = ? WHERE envelope_id = ?""")
                .params(outcome, attempts, status, error == null ? null : error.substring(0, Math.min(500, error.length())),
                        next == null ? null : Timestamp.from(next), taken ? Timestamp.from(now) : null, envelope.id())
                .update();
        if (!taken && !"PENDING".equals(outcome)) {
            log.warn("Envelope {} not delivered ({} after {} attempts): {}", envelope.id(), outcome, attempts,
                    status != null ? "HTTP " + status + " " + error : error);
        }
    }

    private Duration wait(int attempts) {
        return org.rubrica.shared.Backoff.after(attempts, retryBase, LONGEST_WAIT);
    }
}

package org.rubrica.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One call of a webhook, as the delivery log shows it: PENDING (waiting for its next attempt), DELIVERED (the
 * receiver answered 2xx), FAILED (given up after the last attempt) or CANCELLED (the webhook or its token ended).
 */
public record WebhookDelivery(UUID id, String event, String status, int attempts, Integer lastStatus,
                              String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                              String payload) {
}

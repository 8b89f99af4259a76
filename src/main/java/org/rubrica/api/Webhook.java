package org.rubrica.api;

import java.time.Instant;
import java.util.Set;

/** A webhook as its integration sees it (the secret is shown once, when it is made). */
public record Webhook(long id, String url, Set<WebhookEvent> events, Instant createdAt) {
}

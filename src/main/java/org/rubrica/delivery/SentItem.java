package org.rubrica.delivery;

import java.time.Instant;
import java.util.UUID;

/** One oficio in its sender's outbox: how many recipients have it, have read it and have registered it. */
public record SentItem(UUID oficioId, String kind, String number, String subject, Instant sentAt, int recipients,
                       int read, int received, boolean annulled) {
}

package org.rubrica.drafting;

import java.time.Instant;

/** Why, when and by whom a signed oficio was annulled. */
public record Annulment(String reason, Instant at, long byId, String byName) {
}

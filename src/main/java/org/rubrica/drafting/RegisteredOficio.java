package org.rubrica.drafting;

import java.util.UUID;

/**
 * What the printed copy of a numbered oficio shows anyway, for the public verification page: never its subject or
 * content. {@code annulment} is {@code null} unless it was annulled.
 */
public record RegisteredOficio(UUID id, String number, String kind, String senderUnitName, String agencyName,
                               String institutionName, OficioStatus status, Annulment annulment,
                               long senderUnitId) {
}

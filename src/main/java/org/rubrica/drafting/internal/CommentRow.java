package org.rubrica.drafting.internal;

import java.time.Instant;
import java.util.UUID;

public record CommentRow(long id, UUID oficioId, Long parentId, long authorId, String body, Integer anchorStart,
                         Integer anchorEnd, String quote, Long resolvedBy, Instant resolvedAt, Instant createdAt) {
}

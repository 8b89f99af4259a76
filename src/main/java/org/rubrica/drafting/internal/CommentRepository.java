package org.rubrica.drafting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Comments and their replies; a thread's anchor and resolution live on its first comment. */
@Repository
public class CommentRepository {

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(CommentRow c) {
        return jdbc.sql("""
                        INSERT INTO drafting_comment (oficio_id, parent_id, author_id, body, anchor_start, anchor_end, quote,
                            created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(c.oficioId(), c.parentId(), c.authorId(), c.body(), c.anchorStart(), c.anchorEnd(), c.quote(),
                        Timestamp.from(c.createdAt()))
                .query(Long.class).single();
    }

    public List<CommentRow> of(UUID oficioId) {
        return jdbc.sql("SELECT * FROM drafting_comment WHERE oficio_id = ? ORDER BY coalesce(parent_id, id), id")
                .param(oficioId).query(this::row).list();
    }

    public Optional<CommentRow> find(long id) {
        return jdbc.sql("SELECT * FROM drafting_comment WHERE id = ?").param(id).query(this::row).optional();
    }

    /** Thread openings with an anchor, resolved or not (a thread can be reopened): they move with the text. */
    public List<CommentRow> anchored(UUID oficioId) {
        return jdbc.sql("""
                        SELECT * FROM drafting_comment WHERE oficio_id = ? AND parent_id IS NULL AND anchor_start IS NOT NULL""")
                .param(oficioId).query(this::row).list();
    }

    public void moveAnchor(long id, int start, int end) {
        jdbc.sql("UPDATE drafting_comment SET anchor_start = ?, anchor_end = ? WHERE id = ?").params(start, end, id)
                .update();
    }

    /** @return false when it was already resolved */
    public boolean resolve(long id, long personId, Instant at) {
        return jdbc.sql("UPDATE drafting_comment SET resolved_by = ?, resolved_at = ? WHERE id = ? AND resolved_at IS NULL")
                .params(personId, Timestamp.from(at), id).update() == 1;
    }

    public void reopen(long id) {
        jdbc.sql("UPDATE drafting_comment SET resolved_by = NULL, resolved_at = NULL WHERE id = ?").param(id).update();
    }

    private CommentRow row(ResultSet rs, int n) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new CommentRow(rs.getLong("id"), rs.getObject("oficio_id", UUID.class),
                rs.getObject("parent_id", Long.class), rs.getLong("author_id"), rs.getString("body"),
                rs.getObject("anchor_start", Integer.class), rs.getObject("anchor_end", Integer.class),
                rs.getString("quote"), rs.getObject("resolved_by", Long.class),
                resolvedAt == null ? null : resolvedAt.toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}

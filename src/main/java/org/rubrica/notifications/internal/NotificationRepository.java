package org.rubrica.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rubrica.notifications.Notification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long personId, String kind, UUID oficioId, Long actorId, String detail, Instant at) {
        jdbc.sql("INSERT INTO notification (person_id, kind, oficio_id, actor_id, detail, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(personId, kind, oficioId, actorId, detail.length() > 300 ? detail.substring(0, 300) : detail,
                        Timestamp.from(at))
                .update();
    }

    public List<Notification> of(long personId, int limit) {
        return jdbc.sql("""
                        SELECT n.id, n.kind, n.oficio_id, p.full_name, n.detail, n.created_at, n.read_at IS NOT NULL AS read
                        FROM notification n LEFT JOIN directory_person p ON p.id = n.actor_id
                        WHERE n.person_id = ? ORDER BY n.created_at DESC, n.id DESC LIMIT ?""")
                .params(personId, limit)
                .query((rs, i) -> new Notification(rs.getLong("id"), rs.getString("kind"),
                        rs.getObject("oficio_id", UUID.class), rs.getString("full_name"), rs.getString("detail"),
                        rs.getTimestamp("created_at").toInstant(), rs.getBoolean("read")))
                .list();
    }

    public int unreadCount(long personId) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE person_id = ? AND read_at IS NULL").param(personId)
                .query(Integer.class).single();
    }

    public void markRead(long personId, long id) {
        jdbc.sql("UPDATE notification SET read_at = now() WHERE id = ? AND person_id = ? AND read_at IS NULL")
                .params(id, personId).update();
    }

    public void markAllRead(long personId) {
        jdbc.sql("UPDATE notification SET read_at = now() WHERE person_id = ? AND read_at IS NULL").param(personId).update();
    }
}

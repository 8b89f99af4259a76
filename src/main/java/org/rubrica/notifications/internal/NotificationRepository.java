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

    long insert(long personId, String kind, UUID oficioId, Long actorId, String detail, Instant at) {
        return jdbc.sql("""
                        INSERT INTO notification (person_id, kind, oficio_id, actor_id, detail, created_at)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(personId, kind, oficioId, actorId, detail.length() > 300 ? detail.substring(0, 300) : detail,
                        Timestamp.from(at))
                .query(Long.class).single();
    }

    public Notification find(long id) {
        return jdbc.sql("""
                        SELECT n.id, n.kind, n.oficio_id, p.full_name, n.detail, n.created_at, n.read_at IS NOT NULL AS read
                        FROM notification n LEFT JOIN directory_person p ON p.id = n.actor_id WHERE n.id = ?""")
                .param(id).query(this::row).single();
    }

    /** Not e-mailed yet, of people who take a daily digest, oldest first. */
    public List<Long> digestPending() {
        return jdbc.sql("""
                        SELECT n.id FROM notification n JOIN notification_preference p ON p.person_id = n.person_id
                        WHERE p.email = 'DIGEST' AND n.emailed_at IS NULL ORDER BY n.person_id, n.created_at""")
                .query(Long.class).list();
    }

    public long personOf(long notificationId) {
        return jdbc.sql("SELECT person_id FROM notification WHERE id = ?").param(notificationId).query(Long.class).single();
    }

    public void markEmailed(List<Long> ids) {
        jdbc.sql("UPDATE notification SET emailed_at = now() WHERE id = ANY(?)").param(ids.toArray(Long[]::new)).update();
    }

    public String emailPreference(long personId) {
        return jdbc.sql("SELECT email FROM notification_preference WHERE person_id = ?").param(personId)
                .query(String.class).optional().orElse("IMMEDIATE");
    }

    public void setEmailPreference(long personId, String mode) {
        jdbc.sql("""
                        INSERT INTO notification_preference (person_id, email) VALUES (?, ?)
                        ON CONFLICT (person_id) DO UPDATE SET email = excluded.email""")
                .params(personId, mode).update();
    }

    public List<Notification> of(long personId, int limit) {
        return jdbc.sql("""
                        SELECT n.id, n.kind, n.oficio_id, p.full_name, n.detail, n.created_at, n.read_at IS NOT NULL AS read
                        FROM notification n LEFT JOIN directory_person p ON p.id = n.actor_id
                        WHERE n.person_id = ? ORDER BY n.created_at DESC, n.id DESC LIMIT ?""")
                .params(personId, limit).query(this::row).list();
    }

    private Notification row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Notification(rs.getLong("id"), rs.getString("kind"), rs.getObject("oficio_id", UUID.class),
                rs.getString("full_name"), rs.getString("detail"), rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("read"));
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

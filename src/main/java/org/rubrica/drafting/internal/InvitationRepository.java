package org.rubrica.drafting.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.rubrica.drafting.DraftAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who the owner invited to a draft, and as what. */
@Repository
public class InvitationRepository {

    public record InvitationRow(UUID oficioId, long personId, DraftAccess access, long invitedBy, Instant invitedAt) {
    }

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(UUID oficioId, long personId, DraftAccess access, long invitedBy, Instant at) {
        jdbc.sql("""
                        INSERT INTO drafting_invitation (oficio_id, person_id, access, invited_by, invited_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (oficio_id, person_id) DO UPDATE SET access = excluded.access""")
                .params(oficioId, personId, access.name(), invitedBy, Timestamp.from(at)).update();
    }

    public boolean delete(UUID oficioId, long personId) {
        return jdbc.sql("DELETE FROM drafting_invitation WHERE oficio_id = ? AND person_id = ?")
                .params(oficioId, personId).update() == 1;
    }

    public Optional<DraftAccess> accessOf(UUID oficioId, long personId) {
        return jdbc.sql("SELECT access FROM drafting_invitation WHERE oficio_id = ? AND person_id = ?")
                .params(oficioId, personId).query(String.class).optional().map(DraftAccess::valueOf);
    }

    public List<InvitationRow> of(UUID oficioId) {
        return jdbc.sql("SELECT * FROM drafting_invitation WHERE oficio_id = ? ORDER BY invited_at")
                .param(oficioId)
                .query((rs, n) -> new InvitationRow(rs.getObject("oficio_id", UUID.class), rs.getLong("person_id"),
                        DraftAccess.valueOf(rs.getString("access")), rs.getLong("invited_by"),
                        rs.getTimestamp("invited_at").toInstant()))
                .list();
    }

    /** Drafts the person was invited to, newest invitation first. */
    public List<UUID> oficiosOf(long personId, int limit) {
        return jdbc.sql("SELECT oficio_id FROM drafting_invitation WHERE person_id = ? ORDER BY invited_at DESC LIMIT ?")
                .params(personId, limit).query(UUID.class).list();
    }
}

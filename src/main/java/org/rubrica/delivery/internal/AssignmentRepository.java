package org.rubrica.delivery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rubrica.delivery.Assignment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for assignments (turnos) of received oficios. */
@Repository
public class AssignmentRepository {

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the person already has it open (assigning twice is one assignment) */
    public boolean open(UUID oficioId, long unitId, long assigneeId, long assignedBy, String instructions, Instant dueAt,
                        Instant at) {
        return jdbc.sql("""
                        INSERT INTO delivery_assignment (oficio_id, unit_id, assignee_id, assigned_by, instructions, due_at,
                            assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (oficio_id, unit_id, assignee_id) WHERE closed_at IS NULL DO NOTHING""")
                .params(oficioId, unitId, assigneeId, assignedBy, instructions, dueAt == null ? null : Timestamp.from(dueAt),
                        Timestamp.from(at))
                .update() == 1;
    }

    /** @return false when the person had no open assignment of it in that unit */
    public boolean close(UUID oficioId, long unitId, long assigneeId, long closedBy, String reason, Instant at) {
        return jdbc.sql("""
                        UPDATE delivery_assignment SET closed_at = ?, closed_by = ?, closed_reason = ?
                        WHERE oficio_id = ? AND unit_id = ? AND assignee_id = ? AND closed_at IS NULL""")
                .params(Timestamp.from(at), closedBy, reason, oficioId, unitId, assigneeId).update() == 1;
    }

    public List<Assignment> of(UUID oficioId) {
        return jdbc.sql("""
                        SELECT a.id, a.oficio_id, a.unit_id, a.assignee_id, p.full_name AS assignee, b.full_name AS assigner,
                               a.instructions, a.due_at, a.assigned_at, a.closed_at, a.closed_reason
                        FROM delivery_assignment a JOIN directory_person p ON p.id = a.assignee_id
                        JOIN directory_person b ON b.id = a.assigned_by
                        WHERE a.oficio_id = ? ORDER BY a.assigned_at, a.id""")
                .param(oficioId).query(this::row).list();
    }

    public boolean hasOpen(UUID oficioId, long personId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM delivery_assignment WHERE oficio_id = ? AND assignee_id = ? AND closed_at IS NULL)")
                .params(oficioId, personId).query(Boolean.class).single();
    }

    public boolean isAssignee(UUID oficioId, long personId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM delivery_assignment WHERE oficio_id = ? AND assignee_id = ?)")
                .params(oficioId, personId).query(Boolean.class).single();
    }

    private Assignment row(ResultSet rs, int n) throws SQLException {
        Timestamp due = rs.getTimestamp("due_at");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Assignment(rs.getLong("id"), rs.getObject("oficio_id", UUID.class), rs.getLong("unit_id"),
                rs.getLong("assignee_id"), rs.getString("assignee"), rs.getString("assigner"), rs.getString("instructions"),
                due == null ? null : due.toInstant(), rs.getTimestamp("assigned_at").toInstant(),
                closed == null ? null : closed.toInstant(), rs.getString("closed_reason"));
    }
}

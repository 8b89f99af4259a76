package org.rubrica.routing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.rubrica.drafting.Priority;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.PendingQuery;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.RouteModels.Work;
import org.rubrica.shared.FoldedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for routes, steps, members and decisions. */
@Repository
public class RouteRepository {

    public record RouteRow(UUID oficioId, int round, Integer currentPosition) {
    }

    public record StepRow(long id, int position, StepKind kind, StepMode mode, Instant dueAt) {
    }

    public record DecisionRow(int position, long personId, long actedBy, Decision decision, String comment,
                              Instant decidedAt) {
    }

    /** A step waiting for a person: the pending-work list. */
    public record WaitingRow(UUID oficioId, int position, Work work, Instant since, Instant dueAt,
                             String subject, String oficioKind, Priority priority, long personId) {
    }

    private static final tools.jackson.core.type.TypeReference<List<StepPlan>> PLAN = new tools.jackson.core.type.TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final tools.jackson.databind.json.JsonMapper json;

    RouteRepository(JdbcClient jdbc, tools.jackson.databind.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void savePreset(long unitId, String templateCode, List<StepPlan> plan, long savedBy, Instant at) {
        jdbc.sql("DELETE FROM routing_preset WHERE unit_id = ? AND coalesce(template_code, '') = coalesce(?, '')")
                .params(unitId, templateCode).update();
        jdbc.sql("INSERT INTO routing_preset (unit_id, template_code, steps, saved_by, saved_at) VALUES (?, ?, ?::jsonb, ?, ?)")
                .params(unitId, templateCode, json.writeValueAsString(plan), savedBy, Timestamp.from(at)).update();
    }

    /** The unit's preset for exactly this template, or (null) its general one. */
    public Optional<List<StepPlan>> exactPreset(long unitId, String templateCode) {
        return jdbc.sql("SELECT steps::text FROM routing_preset WHERE unit_id = ? AND coalesce(template_code, '') = coalesce(?, '')")
                .params(unitId, templateCode).query(String.class).optional().map(raw -> json.readValue(raw, PLAN));
    }

    /** The preset for the template if the unit has one, else the unit's general one. */
    public Optional<List<StepPlan>> preset(long unitId, String templateCode) {
        return jdbc.sql("""
                        SELECT steps::text FROM routing_preset WHERE unit_id = ? AND (template_code = ? OR template_code IS NULL)
                        ORDER BY template_code NULLS LAST LIMIT 1""")
                .params(unitId, templateCode).query(String.class).optional().map(raw -> json.readValue(raw, PLAN));
    }

    /** The route row, created empty if missing, locked until the transaction ends. */
    public RouteRow lock(UUID oficioId) {
        jdbc.sql("INSERT INTO routing_route (oficio_id) VALUES (?) ON CONFLICT (oficio_id) DO NOTHING").param(oficioId)
                .update();
        return jdbc.sql("SELECT oficio_id, round, current_position FROM routing_route WHERE oficio_id = ? FOR UPDATE")
                .param(oficioId)
                .query((rs, n) -> new RouteRow(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, Integer.class)))
                .single();
    }

    public Optional<RouteRow> find(UUID oficioId) {
        return jdbc.sql("SELECT oficio_id, round, current_position FROM routing_route WHERE oficio_id = ?")
                .param(oficioId)
                .query((rs, n) -> new RouteRow(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, Integer.class)))
                .optional();
    }

    public void replaceSteps(UUID oficioId, List<StepRow> steps, List<List<Long>> members) {
        replaceStepsAfter(oficioId, 0, steps, members);
    }

    /** Keeps the first {@code kept} steps and puts these (numbered after them) in place of the rest. */
    public void replaceStepsAfter(UUID oficioId, int kept, List<StepRow> steps, List<List<Long>> members) {
        jdbc.sql("DELETE FROM routing_step WHERE oficio_id = ? AND position > ?").params(oficioId, kept).update();
        for (int i = 0; i < steps.size(); i++) {
            StepRow s = steps.get(i);
            long id = jdbc.sql("INSERT INTO routing_step (oficio_id, position, kind, mode, due_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
                    .params(oficioId, s.position(), s.kind().name(), s.mode().name(),
                            s.dueAt() == null ? null : Timestamp.from(s.dueAt()))
                    .query(Long.class).single();
            for (long person : members.get(i)) {
                jdbc.sql("INSERT INTO routing_step_member (step_id, person_id) VALUES (?, ?)").params(id, person).update();
            }
        }
    }

    public List<StepRow> steps(UUID oficioId) {
        return jdbc.sql("SELECT id, position, kind, mode, due_at FROM routing_step WHERE oficio_id = ? ORDER BY position")
                .param(oficioId)
                .query((rs, n) -> new StepRow(rs.getLong(1), rs.getInt(2), StepKind.valueOf(rs.getString(3)),
                        StepMode.valueOf(rs.getString(4)), instant(rs.getTimestamp(5))))
                .list();
    }

    public List<Long> members(long stepId) {
        return jdbc.sql("SELECT person_id FROM routing_step_member WHERE step_id = ? ORDER BY person_id").param(stepId)
                .query(Long.class).list();
    }

    /** Starts a round at step 1, with the envelope of the oficio as submitted (it cannot change in review). */
    public void start(UUID oficioId, int round, long submittedBy, Instant at, String oficioKind, String subject,
                      Priority priority) {
        jdbc.sql("""
                        UPDATE routing_route SET round = ?, submitted_at = ?, submitted_by = ?,
                            oficio_kind = ?, subject = ?, subject_key = ?, priority = ?
                        WHERE oficio_id = ?""")
                .params(round, Timestamp.from(at), submittedBy, oficioKind, subject, FoldedText.fold(subject),
                        priority.name(), oficioId).update();
        moveTo(oficioId, 1, at);
    }

    /**
     * Makes this step (or, null, none) the one waiting: its members become the people waited for, since {@code at};
     * whoever was waited for at the step before no longer is.
     */
    public void moveTo(UUID oficioId, Integer position, Instant at) {
        jdbc.sql("UPDATE routing_route SET current_position = ? WHERE oficio_id = ?").params(position, oficioId).update();
        jdbc.sql("DELETE FROM routing_waiting WHERE oficio_id = ? AND kind IN ('REVIEW', 'SIGN')").param(oficioId).update();
        if (position != null) {
            jdbc.sql("""
                            INSERT INTO routing_waiting (oficio_id, person_id, kind, round, position, due_at, since,
                                                         priority, subject, subject_key, oficio_kind)
                            SELECT r.oficio_id, m.person_id, s.kind, r.round, s.position, s.due_at, ?, r.priority,
                                   r.subject, r.subject_key, r.oficio_kind
                            FROM routing_route r
                            JOIN routing_step s ON s.oficio_id = r.oficio_id AND s.position = r.current_position
                            JOIN routing_step_member m ON m.step_id = s.id
                            WHERE r.oficio_id = ?""")
                    .params(Timestamp.from(at), oficioId).update();
        }
    }

    /** @return false when that person already decided on that step in that round; else they are no longer waited for */
    public boolean decide(UUID oficioId, int round, int position, StepKind kind, long personId, long actedBy,
                          Decision decision, String comment, Instant at) {
        jdbc.sql("DELETE FROM routing_waiting WHERE oficio_id = ? AND person_id = ? AND kind = ?")
                .params(oficioId, personId, kind.name()).update();
        return jdbc.sql("""
                        INSERT INTO routing_decision (oficio_id, round, position, kind, person_id, acted_by, decision, comment,
                            decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT ON CONSTRAINT routing_decision_once_uq DO NOTHING""")
                .params(oficioId, round, position, kind.name(), personId, actedBy, decision.name(), comment,
                        Timestamp.from(at))
                .update() == 1;
    }

    public List<DecisionRow> decisions(UUID oficioId, int round) {
        return jdbc.sql("""
                        SELECT position, person_id, acted_by, decision, comment, decided_at FROM routing_decision
                        WHERE oficio_id = ? AND round = ? ORDER BY decided_at""")
                .params(oficioId, round)
                .query((rs, n) -> new DecisionRow(rs.getInt(1), rs.getLong(2), rs.getLong(3),
                        Decision.valueOf(rs.getString(4)), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Whether the person is on the oficio's route, in any round. */
    public boolean isMember(UUID oficioId, long personId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM routing_step s JOIN routing_step_member m ON m.step_id = s.id
                                       WHERE s.oficio_id = ? AND m.person_id = ?)""")
                .params(oficioId, personId).query(Boolean.class).single();
    }

    /** Who the pending list is for: the person, and those they stand in for today as reviewer or signer. */
    public record Waiting(long personId, List<Long> reviewsFor, List<Long> signsFor) {
    }

    private static final String WAITING = """
            FROM routing_waiting w
            WHERE w.person_id = ANY(:people)
              AND (w.person_id = :person OR (w.kind = 'REVIEW' AND w.person_id = ANY(:reviewsFor))
                   OR (w.kind = 'SIGN' AND w.person_id = ANY(:signsFor)))
              AND (CAST(:work AS varchar) IS NULL OR w.kind = :work)
              AND (cardinality(CAST(:words AS varchar[])) = 0 OR w.subject_key LIKE ALL (CAST(:words AS varchar[])))
              AND (NOT :overdueOnly OR w.due_at < :now)
              AND (NOT :urgentOnly OR w.priority = 'URGENT')
            """;

    /** One page of the steps waiting for these people's decision, whose subject is LIKE all these patterns. */
    public List<WaitingRow> waiting(Waiting who, PendingQuery query, List<String> words, Instant now, int offset, int limit) {
        String direction = query.descending() ? " DESC" : "";
        String order = switch (query.order()) {
            case DUE -> "w.due_at" + direction + " NULLS LAST"; // no due date: last either way
            case WAITING_SINCE -> "w.since" + direction;
            case PRIORITY -> "w.priority" + (query.descending() ? "" : " DESC") + ", w.due_at NULLS LAST"; // URGENT first
            case SUBJECT -> "w.subject_key" + direction;
        };
        return bind(jdbc.sql("""
                        SELECT w.oficio_id, w.position, w.kind, w.since, w.due_at, w.subject, w.oficio_kind, w.priority,
                               w.person_id
                        """ + WAITING + " ORDER BY " + order + ", w.since, w.oficio_id, w.person_id"
                        + " OFFSET :offset LIMIT :limit"), who, query, words, now)
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> new WaitingRow(rs.getObject(1, UUID.class), rs.getInt(2),
                        Work.valueOf(rs.getString(3)), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)),
                        rs.getString(6), rs.getString(7), Priority.valueOf(rs.getString(8)), rs.getLong(9)))
                .list();
    }

    public int countWaiting(Waiting who, PendingQuery query, List<String> words, Instant now) {
        return bind(jdbc.sql("SELECT count(*) " + WAITING), who, query, words, now).query(Integer.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Waiting who, PendingQuery query,
                                                 List<String> words, Instant now) {
        List<Long> people = new java.util.ArrayList<>(List.of(who.personId())); // one index scan over all of them
        people.addAll(who.reviewsFor());
        people.addAll(who.signsFor());
        return sql.param("people", people.toArray(Long[]::new))
                .param("person", who.personId())
                .param("reviewsFor", who.reviewsFor().toArray(Long[]::new))
                .param("signsFor", who.signsFor().toArray(Long[]::new))
                .param("work", query.work() == null ? null : query.work().name())
                .param("words", words.toArray(String[]::new))
                .param("overdueOnly", query.overdueOnly())
                .param("urgentOnly", query.urgentOnly())
                .param("now", Timestamp.from(now));
    }

    /** Someone waited for with a due date: on a route's current step, or a received oficio turned to them. */
    public record DueWork(UUID oficioId, long personId, Work work, int round, int position, Instant dueAt,
                          String subject, Long scopeUnitId) {
    }

    /** Everyone waited for with a due date before {@code until}. */
    public List<DueWork> dueBefore(Instant until) {
        return jdbc.sql("""
                        SELECT oficio_id, person_id, kind, round, position, due_at, subject, scope_unit_id
                        FROM routing_waiting
                        WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at, oficio_id, person_id""")
                .param(Timestamp.from(until))
                .query((rs, n) -> new DueWork(rs.getObject(1, UUID.class), rs.getLong(2), Work.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                        rs.getObject(8, Long.class)))
                .list();
    }

    /**
     * A received oficio turned to the person now waits for them, by the unit that turned it; a second unit turning
     * the same oficio to them keeps the one row, with the sooner due date.
     */
    public void waitForAssignee(UUID oficioId, long personId, long unitId, Instant dueAt, Instant since,
                                String oficioKind, String subject, String priority) {
        jdbc.sql("""
                        INSERT INTO routing_waiting (oficio_id, person_id, kind, round, position, due_at, since, priority,
                                                     subject, subject_key, oficio_kind, scope_unit_id)
                        VALUES (?, ?, 'ASSIGNED', 0, 0, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT ON CONSTRAINT routing_waiting_pk DO UPDATE
                            SET due_at = CASE WHEN routing_waiting.due_at IS NULL THEN excluded.due_at
                                              WHEN excluded.due_at IS NULL THEN routing_waiting.due_at
                                              ELSE least(routing_waiting.due_at, excluded.due_at) END""")
                .params(oficioId, personId, dueAt == null ? null : Timestamp.from(dueAt), Timestamp.from(since), priority,
                        subject, FoldedText.fold(subject), oficioKind, unitId)
                .update();
    }

    /** Once the route is approved, whoever approved its signing steps is waited for to sign it. */
    public void waitForSignatures(UUID oficioId, java.util.Collection<Long> signerIds, Instant since) {
        for (long signer : signerIds) {
            jdbc.sql("""
                            INSERT INTO routing_waiting (oficio_id, person_id, kind, round, position, due_at, since, priority,
                                                         subject, subject_key, oficio_kind)
                            SELECT oficio_id, ?, 'TO_SIGN', round, 0, NULL, ?, priority, subject, subject_key, oficio_kind
                            FROM routing_route WHERE oficio_id = ? ON CONFLICT DO NOTHING""")
                    .params(signer, Timestamp.from(since), oficioId).update();
        }
    }

    public void stopWaitingForSignature(UUID oficioId, long signerId) {
        jdbc.sql("DELETE FROM routing_waiting WHERE oficio_id = ? AND person_id = ? AND kind = 'TO_SIGN'")
                .params(oficioId, signerId).update();
    }

    /** The person no longer has it assigned; reminders start afresh if it is turned to them again. */
    public void stopWaitingForAssignee(UUID oficioId, long personId) {
        jdbc.sql("DELETE FROM routing_waiting WHERE oficio_id = ? AND person_id = ? AND kind = 'ASSIGNED'")
                .params(oficioId, personId).update();
        jdbc.sql("""
                        DELETE FROM routing_reminder WHERE oficio_id = ? AND round = 0 AND position = 0 AND person_id = ?
                          AND kind IN ('DUE_SOON', 'OVERDUE')""")
                .params(oficioId, personId).update();
    }

    /** @return false when this reminder was already sent for that wait */
    public boolean remember(DueWork due, String kind, long personId, Instant at) {
        return jdbc.sql("""
                        INSERT INTO routing_reminder (oficio_id, round, position, kind, person_id, sent_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(due.oficioId(), due.round(), due.position(), kind, personId, Timestamp.from(at)).update() == 1;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

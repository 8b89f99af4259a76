package org.rubrica.search.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.rubrica.drafting.IndexedOficio;
import org.rubrica.drafting.OficioStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The search table: rows written from drafting's facts, people and units added as other modules name them. */
@Repository
public class SearchIndex {

    private final JdbcClient jdbc;

    SearchIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the oficio's row afresh; the people and units other modules added before (route members, assignees,
     * units it was forwarded to) are kept.
     */
    public void put(IndexedOficio o) {
        boolean delivered = o.sentAt() != null; // an oficio annulled before it was sent reached nobody
        String parties = String.join(" ", o.senderUnitLabel(), o.authorName(), String.join(" ", o.recipientLabels()),
                String.join(" ", o.annexNames()).replace('_', ' ').replace('.', ' '));
        jdbc.sql("""
                        INSERT INTO search_oficio (oficio_id, kind, status, number, subject, sender_label, sender_unit_id,
                            author_id, unit_ids, person_ids, confidential, delivered, sort_at, document)
                        VALUES (:id, :kind, :status, :number, :subject, :sender, :senderUnit, :author, :units, :people,
                            :confidential, :delivered, :sortAt,
                            setweight(to_tsvector('rubrica_es', coalesce(replace(:number, '/', ' '), '') || ' ' || :subject), 'A')
                            || setweight(to_tsvector('rubrica_es', :parties), 'B')
                            || setweight(to_tsvector('rubrica_es', :body), 'C'))
                        ON CONFLICT (oficio_id) DO UPDATE SET kind = excluded.kind, status = excluded.status,
                            number = excluded.number, subject = excluded.subject, sender_label = excluded.sender_label,
                            unit_ids = ARRAY(SELECT DISTINCT unnest(search_oficio.unit_ids || excluded.unit_ids)),
                            person_ids = ARRAY(SELECT DISTINCT unnest(search_oficio.person_ids || excluded.person_ids)),
                            confidential = excluded.confidential, delivered = excluded.delivered,
                            sort_at = excluded.sort_at, document = excluded.document""")
                .param("id", o.id()).param("kind", o.kind()).param("status", o.status().name())
                .param("number", o.number()).param("subject", o.subject()).param("sender", o.senderUnitLabel())
                .param("senderUnit", o.senderUnitId()).param("author", o.authorId())
                .param("units", o.recipientUnitIds().toArray(Long[]::new))
                .param("people", o.namedPeople().toArray(Long[]::new)).param("confidential", o.confidential())
                .param("delivered", delivered)
                .param("sortAt", Timestamp.from(o.sentAt() == null ? o.createdAt() : o.sentAt()))
                .param("parties", parties).param("body", o.bodyText())
                .update();
    }

    /** People named on the oficio by another module: its route's members, those it was assigned to. */
    public void addPeople(UUID oficioId, Collection<Long> people) {
        jdbc.sql("""
                        UPDATE search_oficio SET person_ids = ARRAY(SELECT DISTINCT unnest(person_ids || ?::bigint[]))
                        WHERE oficio_id = ?""")
                .params(people.toArray(Long[]::new), oficioId).update();
    }

    /** A unit it was forwarded to. */
    public void addUnit(UUID oficioId, long unitId) {
        jdbc.sql("""
                        UPDATE search_oficio SET unit_ids = ARRAY(SELECT DISTINCT unnest(unit_ids || ARRAY[?]::bigint[]))
                        WHERE oficio_id = ?""")
                .params(unitId, oficioId).update();
    }

    /** An open assignment with a due date: its assignee and its unit's receiving side may filter by it. */
    public void due(UUID oficioId, long unitId, long assigneeId, Instant dueAt) {
        jdbc.sql("""
                        INSERT INTO search_due (oficio_id, unit_id, assignee_id, due_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (oficio_id, unit_id, assignee_id) DO UPDATE SET due_at = excluded.due_at""")
                .params(oficioId, unitId, assigneeId, Timestamp.from(dueAt)).update();
    }

    /** The assignment closed: nothing is due from that person any more. */
    public void notDue(UUID oficioId, long unitId, long assigneeId) {
        jdbc.sql("DELETE FROM search_due WHERE oficio_id = ? AND unit_id = ? AND assignee_id = ?")
                .params(oficioId, unitId, assigneeId).update();
    }

    /** The unit answered or archived it: nothing is due from it any more. */
    public void settled(UUID oficioId, long unitId) {
        jdbc.sql("DELETE FROM search_due WHERE oficio_id = ? AND unit_id = ?").params(oficioId, unitId).update();
    }

    /** Those of the ids the index does not hold. */
    public List<UUID> missing(List<UUID> ids) {
        return jdbc.sql("SELECT id FROM unnest(?::uuid[]) AS t(id) WHERE NOT EXISTS (SELECT 1 FROM search_oficio s WHERE s.oficio_id = t.id)")
                .param(ids.toArray(UUID[]::new)).query(UUID.class).list();
    }
}

package org.rubrica.drafting.internal;

import java.util.List;
import java.util.UUID;

import org.rubrica.drafting.Recipient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recipients of an oficio besides its addressee. */
@Repository
public class RecipientRepository {

    private final JdbcClient jdbc;

    RecipientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Recipient> of(UUID oficioId) {
        return jdbc.sql("SELECT role, unit_id, person_id FROM drafting_recipient WHERE oficio_id = ? ORDER BY position")
                .param(oficioId)
                .query((rs, n) -> new Recipient(Recipient.Addressing.valueOf(rs.getString(1)), rs.getLong(2),
                        rs.getObject(3, Long.class)))
                .list();
    }

    /** Replaces the list in one statement (a circular's hundred agencies are one round trip). */
    public void replace(UUID oficioId, List<Recipient> recipients) {
        jdbc.sql("DELETE FROM drafting_recipient WHERE oficio_id = ?").param(oficioId).update();
        if (recipients.isEmpty()) {
            return;
        }
        int n = recipients.size();
        Integer[] positions = new Integer[n];
        String[] roles = new String[n];
        Long[] units = new Long[n];
        Long[] people = new Long[n];
        for (int i = 0; i < n; i++) {
            Recipient r = recipients.get(i);
            positions[i] = i;
            roles[i] = r.addressing().name();
            units[i] = r.unitId();
            people[i] = r.personId();
        }
        jdbc.sql("""
                        INSERT INTO drafting_recipient (oficio_id, position, role, unit_id, person_id)
                        SELECT ?, p, r, u, pe FROM unnest(?::int[], ?::varchar[], ?::bigint[], ?::bigint[]) AS t(p, r, u, pe)""")
                .params(oficioId, positions, roles, units, people).update();
    }

    /** Whether the oficio is addressed or copied to any of these units, or to this person. */
    public boolean reaches(UUID oficioId, java.util.Collection<Long> unitIds, long personId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM drafting_recipient
                                       WHERE oficio_id = ? AND (unit_id = ANY(?::bigint[]) OR person_id = ?))""")
                .params(oficioId, unitIds.toArray(Long[]::new), personId).query(Boolean.class).single();
    }
}

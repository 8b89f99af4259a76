package org.rubrica.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.rubrica.directory.Institution;
import org.rubrica.directory.Membership;
import org.rubrica.directory.Person;
import org.rubrica.directory.Role;
import org.rubrica.directory.Unit;
import org.rubrica.directory.UnitKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for institutions, units, people and memberships. */
@Repository
public class DirectoryRepository {

    private static final String PERSON_COLUMNS =
            "id, username, full_name, cargo, email, password_hash, unit_id, active, failed_logins, locked_until";
    private static final String UNIT_COLUMNS = "id, code, name, kind, parent_id, head_person_id, active";

    private final JdbcClient jdbc;
    private final RowMapper<PersonRow> personRowMapper = this::personRow;
    private final RowMapper<Unit> unitMapper = this::unit;

    public DirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // institution

    public Optional<Institution> institution() {
        return jdbc.sql("SELECT id, name, short_name, city FROM directory_institution ORDER BY id LIMIT 1")
                .query((rs, n) -> new Institution(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public long insertInstitution(String name, String shortName, String city) {
        return jdbc.sql("INSERT INTO directory_institution (name, short_name, city) VALUES (?, ?, ?) RETURNING id")
                .params(name, shortName, city).query(Long.class).single();
    }

    // units

    public List<Unit> units() {
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM directory_unit ORDER BY code").query(unitMapper).list();
    }

    public Optional<Unit> unit(long id) {
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM directory_unit WHERE id = ?").param(id)
                .query(unitMapper).optional();
    }

    public Optional<Unit> unitByCode(String code) {
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM directory_unit WHERE code = ?").param(code)
                .query(unitMapper).optional();
    }

    public long insertUnit(long institutionId, Long parentId, String code, String name, UnitKind kind) {
        return jdbc.sql("""
                        INSERT INTO directory_unit (institution_id, parent_id, code, name, kind)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(institutionId, parentId, code, name, kind.name()).query(Long.class).single();
    }

    public void updateUnit(long id, Long parentId, String code, String name, UnitKind kind, Long headPersonId,
                    boolean active) {
        jdbc.sql("""
                        UPDATE directory_unit SET parent_id = ?, code = ?, name = ?, kind = ?, head_person_id = ?, active = ?
                        WHERE id = ?""")
                .params(parentId, code, name, kind.name(), headPersonId, active, id).update();
    }

    public List<Long> unitsHeadedBy(long personId) {
        return jdbc.sql("SELECT id FROM directory_unit WHERE head_person_id = ? AND active").param(personId)
                .query(Long.class).list();
    }

    /** True when {@code candidateAncestor} is {@code unitId} or above it in the tree. */
    public boolean isAncestorOrSelf(long candidateAncestor, long unitId) {
        return jdbc.sql("""
                        WITH RECURSIVE up(id, parent_id) AS (
                            SELECT id, parent_id FROM directory_unit WHERE id = ?
                            UNION ALL
                            SELECT u.id, u.parent_id FROM directory_unit u JOIN up ON u.id = up.parent_id)
                        SELECT count(*) FROM up WHERE id = ?""")
                .params(unitId, candidateAncestor).query(Long.class).single() > 0;
    }

    private Unit unit(ResultSet rs, int n) throws SQLException {
        return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")), rs.getObject("parent_id", Long.class),
                rs.getObject("head_person_id", Long.class), rs.getBoolean("active"));
    }

    // people

    public Optional<PersonRow> personByUsername(String username) {
        return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM directory_person WHERE username = ?")
                .param(username).query(personRowMapper).optional();
    }

    public Optional<PersonRow> personRow(long id) {
        return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM directory_person WHERE id = ?")
                .param(id).query(personRowMapper).optional();
    }

    public List<PersonRow> people() {
        return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM directory_person ORDER BY full_name")
                .query(personRowMapper).list();
    }

    public boolean usernameTaken(String username, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM directory_person WHERE username = ? AND id IS DISTINCT FROM ?")
                .params(username, exceptId).query(Long.class).single() > 0;
    }

    public boolean emailTaken(String email, Long exceptId) {
        return jdbc.sql("SELECT count(*) FROM directory_person WHERE lower(email) = lower(?) AND id IS DISTINCT FROM ?")
                .params(email, exceptId).query(Long.class).single() > 0;
    }

    public long insertPerson(String username, String fullName, String cargo, String email, String passwordHash,
                      long unitId) {
        return jdbc.sql("""
                        INSERT INTO directory_person (username, full_name, cargo, email, password_hash, unit_id)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(username, fullName, cargo, email, passwordHash, unitId).query(Long.class).single();
    }

    public void updatePerson(long id, String fullName, String cargo, String email, long unitId, boolean active) {
        jdbc.sql("UPDATE directory_person SET full_name = ?, cargo = ?, email = ?, unit_id = ?, active = ? WHERE id = ?")
                .params(fullName, cargo, email, unitId, active, id).update();
    }

    public void updatePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE directory_person SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?")
                .params(passwordHash, id).update();
    }

    /** Adds one failure and returns the new count, in one statement so concurrent failures all count. */
    public int countFailedLogin(long id) {
        return jdbc.sql("UPDATE directory_person SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins")
                .param(id).query(Integer.class).single();
    }

    public void lock(long id, Instant until) {
        jdbc.sql("UPDATE directory_person SET failed_logins = 0, locked_until = ? WHERE id = ?")
                .params(Timestamp.from(until), id).update();
    }

    public void clearFailedLogins(long id) {
        jdbc.sql("UPDATE directory_person SET failed_logins = 0, locked_until = NULL WHERE id = ? AND failed_logins > 0")
                .param(id).update();
    }

    private PersonRow personRow(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new PersonRow(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
                rs.getString("cargo"), rs.getString("email"), rs.getString("password_hash"), rs.getLong("unit_id"),
                rs.getBoolean("active"), rs.getInt("failed_logins"), locked == null ? null : locked.toInstant());
    }

    // memberships

    public Set<Membership> memberships(long personId) {
        return jdbc.sql("SELECT unit_id, role FROM directory_membership WHERE person_id = ?").param(personId)
                .query((rs, n) -> new Membership(rs.getLong(1), Role.valueOf(rs.getString(2))))
                .stream().collect(Collectors.toUnmodifiableSet());
    }

    /** The people holding any role in the unit. */
    public Set<Long> members(long unitId) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT person_id FROM directory_membership WHERE unit_id = ?")
                .param(unitId).query(Long.class).list());
    }

    public void replaceMemberships(long personId, Set<Membership> memberships) {
        jdbc.sql("DELETE FROM directory_membership WHERE person_id = ?").param(personId).update();
        for (Membership m : memberships) {
            jdbc.sql("INSERT INTO directory_membership (person_id, unit_id, role) VALUES (?, ?, ?)")
                    .params(personId, m.unitId(), m.role().name()).update();
        }
    }

    public static Person toPerson(PersonRow row, Instant now) {
        return new Person(row.id(), row.username(), row.fullName(), row.cargo(), row.email(), row.unitId(),
                row.active(), row.lockedAt(now));
    }
}

package org.rubrica.directory;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suplencia: a head hands their reviews and/or signing to a substitute for a range of days. A person has at
 * most one substitute per duty on any day (overlapping delegations are refused, so there is never a choice to
 * make); delegations end on their last day by themselves and can be revoked earlier.
 */
@Service
@Transactional
public class Delegations {

    /** What a delegation covers, as route steps need it. */
    public enum Duty { REVIEW, SIGN }

    public record Delegation(long id, long personId, String personName, long substituteId, String substituteName,
                             boolean reviews, boolean signs, LocalDate startsOn, LocalDate endsOn, boolean revoked) {
    }

    public record DelegationGranted(long delegationId, long personId, long substituteId, LocalDate startsOn,
                                    LocalDate endsOn) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Delegations(JdbcClient jdbc, Directory directory, CurrentActor currentActor, ApplicationEventPublisher events,
                Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The current person delegates to {@code substituteId}.
     *
     * @throws InvalidInputException for themselves, an unknown or inactive substitute, no duty, a range that ends
     *                               before it starts or already ended, or one that overlaps another of theirs
     */
    public long delegate(long substituteId, boolean reviews, boolean signs, LocalDate startsOn, LocalDate endsOn) {
        Actor actor = currentActor.require();
        if (!actor.hasRole(Role.SIGNER) && !actor.hasRole(Role.REVIEWER)) {
            throw new AccessDeniedException(actor.username() + " has no reviews or signatures to delegate");
        }
        if (substituteId == actor.personId()) {
            throw new InvalidInputException("delegation.self", "substitute");
        }
        Person substitute;
        try {
            substitute = directory.person(substituteId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("delegation.unknown-substitute", "substitute");
        }
        if (!substitute.active()) {
            throw new InvalidInputException("delegation.unknown-substitute", "substitute");
        }
        if (!reviews && !signs) {
            throw new InvalidInputException("delegation.no-duty", "duties");
        }
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn)) {
            throw new InvalidInputException("delegation.bad-range", "endsOn");
        }
        if (endsOn.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("delegation.past", "endsOn");
        }
        // one person's delegations never overlap for a duty: lock their rows so two requests cannot both pass
        jdbc.sql("SELECT id FROM directory_person WHERE id = ? FOR UPDATE").param(actor.personId()).query(Long.class).single();
        boolean overlaps = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM directory_delegation WHERE person_id = ? AND revoked_at IS NULL
                          AND starts_on <= ? AND ends_on >= ? AND ((reviews AND ?) OR (signs AND ?)))""")
                .params(actor.personId(), Date.valueOf(endsOn), Date.valueOf(startsOn), reviews, signs)
                .query(Boolean.class).single();
        if (overlaps) {
            throw new InvalidInputException("delegation.overlaps", "startsOn");
        }
        long id = jdbc.sql("""
                        INSERT INTO directory_delegation (person_id, substitute_id, reviews, signs, starts_on, ends_on, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(actor.personId(), substituteId, reviews, signs, Date.valueOf(startsOn), Date.valueOf(endsOn),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new DelegationGranted(id, actor.personId(), substituteId, startsOn, endsOn));
        return id;
    }

    /** Only the person who delegated ends it early; revoking twice is harmless. */
    public void revoke(long delegationId) {
        Actor actor = currentActor.require();
        int updated = jdbc.sql("UPDATE directory_delegation SET revoked_at = ? WHERE id = ? AND person_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), delegationId, actor.personId()).update();
        if (updated == 0 && jdbc.sql("SELECT count(*) FROM directory_delegation WHERE id = ? AND person_id = ?")
                .params(delegationId, actor.personId()).query(Integer.class).single() == 0) {
            throw new NotFoundException("delegation " + delegationId);
        }
    }

    /** The current person's delegations, given and received, newest first. */
    @Transactional(readOnly = true)
    public List<Delegation> mine() {
        Actor actor = currentActor.require();
        return jdbc.sql("""
                        SELECT * FROM directory_delegation WHERE person_id = ? OR substitute_id = ?
                        ORDER BY starts_on DESC, id DESC LIMIT 200""")
                .params(actor.personId(), actor.personId())
                .query((rs, n) -> new Delegation(rs.getLong("id"), rs.getLong("person_id"),
                        directory.person(rs.getLong("person_id")).fullName(), rs.getLong("substitute_id"),
                        directory.person(rs.getLong("substitute_id")).fullName(), rs.getBoolean("reviews"),
                        rs.getBoolean("signs"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                        rs.getTimestamp("revoked_at") != null))
                .list();
    }

    /** Who stands in for {@code personId} in this duty today, if anyone. */
    @Transactional(readOnly = true)
    public Optional<Long> substituteOf(long personId, Duty duty) {
        return jdbc.sql("""
                        SELECT substitute_id FROM directory_delegation WHERE person_id = ? AND revoked_at IS NULL
                          AND starts_on <= ? AND ends_on >= ? AND (CASE WHEN ? = 'SIGN' THEN signs ELSE reviews END)""")
                .params(personId, Date.valueOf(LocalDate.now(clock)), Date.valueOf(LocalDate.now(clock)), duty.name())
                .query(Long.class).optional();
    }

    /** The people {@code substituteId} stands in for today in this duty. */
    @Transactional(readOnly = true)
    public List<Long> standingInFor(long substituteId, Duty duty) {
        return jdbc.sql("""
                        SELECT person_id FROM directory_delegation WHERE substitute_id = ? AND revoked_at IS NULL
                          AND starts_on <= ? AND ends_on >= ? AND (CASE WHEN ? = 'SIGN' THEN signs ELSE reviews END)""")
                .params(substituteId, Date.valueOf(LocalDate.now(clock)), Date.valueOf(LocalDate.now(clock)), duty.name())
                .query(Long.class).list();
    }
}

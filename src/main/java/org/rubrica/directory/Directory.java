package org.rubrica.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.rubrica.directory.internal.DirectoryRepository;
import org.rubrica.shared.NotFoundException;
import org.rubrica.shared.UnitChoices;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the organisation: the institution, its unit tree and its people. */
@Service
@Transactional(readOnly = true)
public class Directory implements UnitChoices {

    private final DirectoryRepository repository;
    private final Clock clock;

    Directory(DirectoryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Institution institution() {
        return repository.institution().orElseThrow(() -> new NotFoundException("institution"));
    }

    public List<Unit> units() {
        return repository.units();
    }

    public List<Unit> activeUnits() {
        return repository.units().stream().filter(Unit::active).toList();
    }

    /** The active agencies (top-level units): where a circular to every agency goes. */
    public List<Unit> agencies() {
        return activeUnits().stream().filter(u -> u.kind() == UnitKind.AGENCY)
                .sorted(Comparator.comparing(Unit::code)).toList();
    }

    public Unit unit(long id) {
        return repository.unit(id).orElseThrow(() -> new NotFoundException("unit " + id));
    }

    public Optional<Unit> unitByCode(String code) {
        return repository.unitByCode(code);
    }

    @Override
    public List<UnitChoice> unitChoices() {
        return activeUnits().stream().sorted(Comparator.comparing(Unit::code))
                .map(u -> new UnitChoice(u.id(), u.label())).toList();
    }

    /** The unit and every unit above it, up to its agency: whatever is granted to any of them reaches it. */
    public List<Long> unitPath(long unitId) {
        List<Long> path = new ArrayList<>();
        Unit unit = unit(unitId);
        path.add(unit.id());
        while (unit.parentId() != null) {
            unit = unit(unit.parentId());
            path.add(unit.id());
        }
        return List.copyOf(path);
    }

    /** The agency (top-level unit) a unit belongs to. */
    public Unit agencyOf(long unitId) {
        Unit unit = unit(unitId);
        while (unit.parentId() != null) {
            unit = unit(unit.parentId());
        }
        return unit;
    }

    public Person person(long id) {
        return repository.personRow(id).map(row -> DirectoryRepository.toPerson(row, clock.instant()))
                .orElseThrow(() -> new NotFoundException("person " + id));
    }

    public List<Person> people() {
        return repository.people().stream().map(row -> DirectoryRepository.toPerson(row, clock.instant())).toList();
    }

    /** The active people holding any role in the unit, by name. */
    public List<Person> members(long unitId) {
        Set<Long> ids = repository.members(unitId);
        return people().stream().filter(p -> p.active() && ids.contains(p.id())).toList();
    }

    public List<Membership> memberships(long personId) {
        return List.copyOf(repository.memberships(personId));
    }

    /** The unit's head (titular), if one is named. */
    public Optional<Person> head(long unitId) {
        return Optional.ofNullable(unit(unitId).headPersonId()).map(this::person);
    }

    /** Units whose incoming correspondence this person handles: as their receiving office, or as their head. */
    public Set<Long> unitsReceivedBy(Actor actor) {
        Set<Long> units = new HashSet<>(repository.unitsHeadedBy(actor.personId()));
        actor.memberships().stream().filter(m -> m.role() == Role.RECEIVING_OFFICE).forEach(m -> units.add(m.unitId()));
        return units;
    }

    /** The units the person heads (is titular of). */
    public Set<Long> unitsHeadedBy(long personId) {
        return new HashSet<>(repository.unitsHeadedBy(personId));
    }

    public boolean receivesFor(Actor actor, long unitId) {
        return unitsReceivedBy(actor).contains(unitId);
    }

    /** The active person behind a login name, with their memberships. */
    public Optional<Actor> actor(String username) {
        return repository.personByUsername(username).filter(row -> row.active())
                .map(row -> new Actor(row.id(), row.username(), row.fullName(), row.cargo(), row.unitId(),
                        repository.memberships(row.id())));
    }
}

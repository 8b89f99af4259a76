package org.rubrica.directory;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.rubrica.directory.internal.DirectoryRepository;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and edits units and people and assigns roles; organisation administrators only. */
@Service
@Transactional
public class DirectoryAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final DirectoryRepository repository;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final CurrentActor currentActor;

    DirectoryAdministration(DirectoryRepository repository, PasswordEncoder passwords,
                            ApplicationEventPublisher events, CurrentActor currentActor) {
        this.repository = repository;
        this.passwords = passwords;
        this.events = events;
        this.currentActor = currentActor;
    }

    public record UnitSaved(long unitId, String code) {
    }

    public record PersonSaved(long personId, String username) {
    }

    public long saveUnit(UnitForm form) {
        currentActor.requireRole(Role.ORG_ADMIN);
        String code = required(form.code(), "code", 40).toUpperCase(Locale.ROOT);
        if (!UnitCode.isValid(code)) {
            throw new InvalidInputException("directory.unit.code.invalid", "code");
        }
        String name = required(form.name(), "name", 200);
        if (form.kind() == null) {
            throw new InvalidInputException("validation.required", "kind");
        }
        repository.unitByCode(code).filter(u -> form.id() == null || u.id() != form.id()).ifPresent(u -> {
            throw new InvalidInputException("directory.unit.code.taken", "code");
        });
        if (form.parentId() != null) {
            repository.unit(form.parentId()).orElseThrow(() -> new InvalidInputException("validation.required", "parent"));
            if (form.id() != null && repository.isAncestorOrSelf(form.id(), form.parentId())) {
                throw new InvalidInputException("directory.unit.parent.cycle", "parent");
            }
        }
        long id;
        if (form.id() == null) {
            long institution = repository.institution().orElseThrow(() -> new NotFoundException("institution")).id();
            id = unique(() -> repository.insertUnit(institution, form.parentId(), code, name, form.kind()));
        } else {
            repository.unit(form.id()).orElseThrow(() -> new NotFoundException("unit " + form.id()));
            id = form.id();
        }
        if (form.headPersonId() != null) {
            repository.personRow(form.headPersonId())
                    .orElseThrow(() -> new InvalidInputException("validation.required", "head"));
        }
        long unitId = id;
        unique(() -> {
            repository.updateUnit(unitId, form.parentId(), code, name, form.kind(), form.headPersonId(),
                    form.id() == null || form.active());
            return unitId;
        });
        events.publishEvent(new UnitSaved(id, code));
        return id;
    }

    public long savePerson(PersonForm form) {
        currentActor.requireRole(Role.ORG_ADMIN);
        String username = required(form.username(), "username", 60).toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("directory.person.username.invalid", "username");
        }
        String fullName = required(form.fullName(), "fullName", 160);
        String cargo = required(form.cargo(), "cargo", 160);
        String email = required(form.email(), "email", 200);
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("directory.person.email.invalid", "email");
        }
        if (form.unitId() == null || repository.unit(form.unitId()).isEmpty()) {
            throw new InvalidInputException("validation.required", "unit");
        }
        if (repository.usernameTaken(username, form.id())) {
            throw new InvalidInputException("directory.person.username.taken", "username");
        }
        if (repository.emailTaken(email, form.id())) {
            throw new InvalidInputException("directory.person.email.taken", "email");
        }
        boolean hasPassword = form.password() != null && !form.password().isEmpty();
        if (hasPassword && form.password().length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("directory.person.password.short", "password", MIN_PASSWORD_LENGTH);
        }
        long id;
        if (form.id() == null) {
            if (!hasPassword) {
                throw new InvalidInputException("validation.required", "password");
            }
            String hash = passwords.encode(form.password());
            id = unique(() -> repository.insertPerson(username, fullName, cargo, email, hash, form.unitId()));
        } else {
            repository.personRow(form.id()).orElseThrow(() -> new NotFoundException("person " + form.id()));
            id = form.id();
            long personId = id;
            unique(() -> {
                repository.updatePerson(personId, fullName, cargo, email, form.unitId(), form.active());
                return personId;
            });
            if (hasPassword) {
                repository.updatePassword(id, passwords.encode(form.password()));
            }
        }
        Set<Membership> memberships = form.memberships() == null ? Set.of() : form.memberships();
        for (Membership m : memberships) {
            repository.unit(m.unitId()).orElseThrow(() -> new InvalidInputException("validation.required", "memberships"));
        }
        repository.replaceMemberships(id, memberships);
        events.publishEvent(new PersonSaved(id, username));
        return id;
    }

    /** A concurrent save can still win the race past the checks above: the database's answer, in words. */
    private static long unique(java.util.function.LongSupplier write) {
        try {
            return write.getAsLong();
        } catch (DuplicateKeyException e) {
            String constraint = String.valueOf(e.getMessage());
            if (constraint.contains("directory_person_username_uk")) {
                throw new InvalidInputException("directory.person.username.taken", "username");
            }
            if (constraint.contains("directory_person_email_uk")) {
                throw new InvalidInputException("directory.person.email.taken", "email");
            }
            throw new InvalidInputException("directory.unit.code.taken", "code");
        }
    }

    private static String required(String value, String field, int maxLength) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("validation.required", field);
        }
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException("validation.too-long", field);
        }
        return trimmed;
    }
}

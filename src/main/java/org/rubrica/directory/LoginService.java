package org.rubrica.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.rubrica.directory.internal.DirectoryRepository;
import org.rubrica.directory.internal.PersonRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a user name and password, the one door for the web UI and the API. After
 * {@code rubrica.security.max-failed-logins} failures in a row the account locks for
 * {@code rubrica.security.lockout-duration}; a locked account refuses even the right password.
 */
@Service
public class LoginService {

    /** Compared against when the user name is unknown, so both cases take the same time. */
    private final String dummyHash;
    private final DirectoryRepository repository;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginService(DirectoryRepository repository, PasswordEncoder passwords, ApplicationEventPublisher events,
                 Clock clock, @Value("${rubrica.security.max-failed-logins:5}") int maxFailures,
                 @Value("${rubrica.security.lockout-duration:15m}") Duration lockout) {
        this.repository = repository;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.dummyHash = passwords.encode("not-a-password");
    }

    @Transactional(noRollbackFor = LoginFailedException.class)
    public Authentication login(String username, String password) {
        Instant now = clock.instant();
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        Optional<PersonRow> found = repository.personByUsername(name).filter(PersonRow::active);
        if (found.isEmpty()) {
            passwords.matches(password == null ? "" : password, dummyHash);
            throw refused(name, LoginFailedException.Reason.BAD_CREDENTIALS, null, now);
        }
        PersonRow person = found.get();
        if (person.lockedAt(now)) {
            throw refused(name, LoginFailedException.Reason.LOCKED, person.lockedUntil(), now);
        }
        if (password == null || !passwords.matches(password, person.passwordHash())) {
            int failures = person.failedLogins() + 1;
            if (failures >= maxFailures) {
                Instant until = now.plus(lockout);
                repository.recordFailedLogin(person.id(), 0, until);
                events.publishEvent(new LoginEvents.AccountLocked(person.id(), name, until));
                throw refused(name, LoginFailedException.Reason.LOCKED, until, now);
            }
            repository.recordFailedLogin(person.id(), failures, null);
            throw refused(name, LoginFailedException.Reason.BAD_CREDENTIALS, null, now);
        }
        repository.clearFailedLogins(person.id());
        events.publishEvent(new LoginEvents.LoggedIn(person.id(), name, now));
        var authorities = repository.memberships(person.id()).stream()
                .map(m -> new SimpleGrantedAuthority(m.role().authority())).distinct().toList();
        return UsernamePasswordAuthenticationToken.authenticated(name, null, authorities);
    }

    private LoginFailedException refused(String username, LoginFailedException.Reason reason, Instant until,
                                         Instant now) {
        events.publishEvent(new LoginEvents.LoginRefused(username, reason, now));
        return new LoginFailedException(reason, until);
    }
}

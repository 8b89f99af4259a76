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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a user name and password, the one door for the web UI and the API. After
 * {@code rubrica.security.max-failed-logins} failures in a row the account locks for
 * {@code rubrica.security.lockout-duration}; a locked account refuses even the right password.
 * <p>
 * Every attempt costs one Argon2 check, known account or not, locked or not, so timing tells nothing; the
 * check runs outside any transaction, and only the outcome is recorded, in a short one.
 */
@Service
public class LoginService {

    private final String dummyHash;
    private final DirectoryRepository repository;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginService(DirectoryRepository repository, PasswordEncoder passwords, ApplicationEventPublisher events,
                 TransactionTemplate transactions, Clock clock,
                 @Value("${rubrica.security.max-failed-logins:5}") int maxFailures,
                 @Value("${rubrica.security.lockout-duration:15m}") Duration lockout) {
        this.repository = repository;
        this.passwords = passwords;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.dummyHash = passwords.encode("not-a-password");
    }

    public Authentication login(String username, String password) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<PersonRow> person = name.length() > 60 ? Optional.empty()
                : repository.personByUsername(name).filter(PersonRow::active);
        boolean matches = passwords.matches(password == null ? "" : password,
                person.map(PersonRow::passwordHash).orElse(dummyHash));
        Outcome outcome = transactions.execute(tx -> record(person, matches, clock.instant()));
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.authentication();
    }

    private Outcome record(Optional<PersonRow> found, boolean matches, Instant now) {
        if (found.isEmpty()) {
            // an unknown name is not written down: it is often a password typed in the wrong box
            return refused(null, LoginFailedException.Reason.BAD_CREDENTIALS, null, now);
        }
        PersonRow person = found.get();
        if (person.lockedAt(now)) {
            return refused(person.username(), LoginFailedException.Reason.LOCKED, person.lockedUntil(), now);
        }
        if (!matches) {
            int failures = repository.countFailedLogin(person.id()); // atomic: parallel guesses all count
            if (failures >= maxFailures) {
                Instant until = now.plus(lockout);
                repository.lock(person.id(), until);
                events.publishEvent(new LoginEvents.AccountLocked(person.id(), person.username(), until));
                return refused(person.username(), LoginFailedException.Reason.LOCKED, until, now);
            }
            return refused(person.username(), LoginFailedException.Reason.BAD_CREDENTIALS, null, now);
        }
        repository.clearFailedLogins(person.id());
        events.publishEvent(new LoginEvents.LoggedIn(person.id(), person.username(), now));
        var authorities = repository.memberships(person.id()).stream()
                .map(m -> new SimpleGrantedAuthority(m.role().authority())).distinct().toList();
        return new Outcome(UsernamePasswordAuthenticationToken.authenticated(person.username(), null, authorities),
                null);
    }

    private Outcome refused(String username, LoginFailedException.Reason reason, Instant until, Instant now) {
        events.publishEvent(new LoginEvents.LoginRefused(username, reason, now));
        return new Outcome(null, new LoginFailedException(reason, until));
    }

    private record Outcome(Authentication authentication, LoginFailedException failure) {
    }
}

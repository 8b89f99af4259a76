package org.rubrica.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Role;
import org.rubrica.directory.Unit;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integration tokens: an organisation administrator gives another system a token that acts as one person of one
 * unit (with that person's roles there only), limited to some {@link ApiPermission}s and a number of requests a
 * minute. The token is shown once; only its SHA-256 is kept, so a copy of the database opens nothing. Revoking
 * or letting it expire ends it at the next request.
 */
@Service
@Transactional
public class IntegrationTokens {

    /** Tells an integration token from a login token (a JWT) at a glance, in logs and in the Authorization header. */
    public static final String PREFIX = "rbi_";
    static final int MAX_NAME = 120;
    static final int MAX_REQUESTS_PER_MINUTE = 10_000;
    /** Last use is written at most this often, not on every request. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(IntegrationTokens.class);

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final Directory directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    IntegrationTokens(JdbcClient jdbc, CurrentActor currentActor, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.directory = directory;
        this.clock = clock;
    }

    /** What the administrator asks for; {@code expiresOn} null means until revoked. */
    public record Request(String name, Long unitId, Long personId, Set<ApiPermission> permissions,
                          int requestsPerMinute, LocalDate expiresOn) {
    }

    /** The new token, to be shown once and given to the other system, and how it is listed from now on. */
    public record Created(String token, IntegrationToken listed) {
    }

    /**
     * @throws InvalidInputException when a field is missing or out of range, or the person is not of the unit
     */
    public Created create(Request request) {
        Actor admin = currentActor.requireRole(Role.ORG_ADMIN);
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidInputException("integration.name", "name", MAX_NAME);
        }
        if (request.unitId() == null) {
            throw new InvalidInputException("integration.unit", "unit");
        }
        Map<Long, Unit> units = directory.units().stream().collect(Collectors.toMap(Unit::id, u -> u));
        Unit unit = units.get(request.unitId());
        if (unit == null || !unit.active()) {
            throw new InvalidInputException("integration.unit", "unit");
        }
        if (request.personId() == null || directory.members(unit.id()).stream()
                .noneMatch(p -> p.id() == request.personId())) {
            throw new InvalidInputException("integration.person", "person", unit.label());
        }
        if (request.permissions() == null || request.permissions().isEmpty()) {
            throw new InvalidInputException("integration.permissions", "permissions");
        }
        if (request.requestsPerMinute() < 1 || request.requestsPerMinute() > MAX_REQUESTS_PER_MINUTE) {
            throw new InvalidInputException("integration.rate", "requestsPerMinute", MAX_REQUESTS_PER_MINUTE);
        }
        Instant now = clock.instant();
        Instant expires = request.expiresOn() == null ? null
                : request.expiresOn().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        if (expires != null && !expires.isAfter(now)) {
            throw new InvalidInputException("integration.expiry", "expiresOn");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                        INSERT INTO api_integration_token (name, token_hash, hint, unit_id, person_id, permissions,
                            requests_per_minute, created_by, created_at, expires_at)
                        VALUES (:name, :hash, :hint, :unit, :person, :permissions, :rate, :by, :now, :expires)
                        RETURNING id""")
                .param("name", name).param("hash", hash(token)).param("hint", token.substring(0, 10))
                .param("unit", unit.id()).param("person", request.personId())
                .param("permissions", request.permissions().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("rate", request.requestsPerMinute()).param("by", admin.personId())
                .param("now", Timestamp.from(now)).param("expires", expires == null ? null : Timestamp.from(expires))
                .query(Long.class).single();
        log.info("Integration token {} ({}) created by {} for unit {}", id, name, admin.username(), unit.code());
        return new Created(token, byId(id));
    }

    /** Every token, newest first, revoked ones too (their history stays). */
    @Transactional(readOnly = true)
    public List<IntegrationToken> list() {
        currentActor.requireRole(Role.ORG_ADMIN);
        return select("ORDER BY id DESC", Map.of());
    }

    /** Ends the token at once; revoking twice changes nothing. */
    public IntegrationToken revoke(long id) {
        Actor admin = currentActor.requireRole(Role.ORG_ADMIN);
        int changed = jdbc.sql("UPDATE api_integration_token SET revoked_at = :now, revoked_by = :by"
                        + " WHERE id = :id AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("by", admin.personId()).param("id", id).update();
        if (changed > 0) {
            log.info("Integration token {} revoked by {}", id, admin.username());
        }
        return byId(id);
    }

    /**
     * The token's holder, if the token is one of ours, not revoked nor expired, and its person still active.
     * Asked by the API's authentication before anyone is logged in.
     */
    public Optional<IntegrationToken> resolve(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<IntegrationToken> found = select("WHERE token_hash = :hash", Map.of("hash", hash(token)))
                .stream().findFirst().filter(t -> t.usableAt(now));
        found.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().plus(USE_RESOLUTION).isBefore(now))
                .ifPresent(t -> jdbc.sql("UPDATE api_integration_token SET last_used_at = :now WHERE id = :id")
                        .param("now", Timestamp.from(now)).param("id", t.id()).update());
        return found;
    }

    private IntegrationToken byId(long id) {
        return select("WHERE id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("integration token " + id));
    }

    private List<IntegrationToken> select(String where, Map<String, Object> params) {
        Map<Long, Unit> units = directory.units().stream().collect(Collectors.toMap(Unit::id, u -> u));
        Map<Long, Person> people = directory.people().stream().collect(Collectors.toMap(Person::id, p -> p));
        return jdbc.sql("SELECT id, name, hint, unit_id, person_id, permissions, requests_per_minute, created_at,"
                        + " expires_at, revoked_at, last_used_at FROM api_integration_token " + where)
                .params(params)
                .query((rs, n) -> {
                    Unit unit = units.get(rs.getLong("unit_id"));
                    Person person = people.get(rs.getLong("person_id"));
                    Set<ApiPermission> permissions = EnumSet.noneOf(ApiPermission.class);
                    Arrays.stream((String[]) rs.getArray("permissions").getArray())
                            .forEach(p -> permissions.add(ApiPermission.valueOf(p)));
                    return new IntegrationToken(rs.getLong("id"), rs.getString("name"), rs.getString("hint") + "…",
                            rs.getLong("unit_id"), unit == null ? "#" + rs.getLong("unit_id") : unit.label(),
                            rs.getLong("person_id"), person == null ? "#" + rs.getLong("person_id") : person.fullName(),
                            person == null || !person.active() ? null : person.username(),
                            Set.copyOf(permissions), rs.getInt("requests_per_minute"),
                            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                            instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")));
                })
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The token's SHA-256: a random 256-bit secret needs no slow hash to resist guessing. */
    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.rubrica.search;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.rubrica.directory.Actor;
import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Role;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the oficios the current person may see. The index narrows by words, filters and who may find each row
 * (author, people named, delivered units the person receives for; a confidential one only for its named people and
 * the heads of its units); every hit is then checked again as the person, so a result never shows what they may
 * not open. Pages go by a keyset cursor (date and id), never by offset.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

    public static final int PAGE_MAX = 100;
    /** How many index rows one page may look at before it stops: the check as the person rarely drops any. */
    private static final int ROUNDS = 5;

    private final JdbcClient jdbc;
    private final OficioService oficios;
    private final Directory directory;
    private final CurrentActor currentActor;
    private final Clock clock;

    SearchService(JdbcClient jdbc, OficioService oficios, Directory directory, CurrentActor currentActor, Clock clock) {
        this.jdbc = jdbc;
        this.oficios = oficios;
        this.directory = directory;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /**
     * @param after the previous page's {@link SearchPage#next()} cursor, or null for the first page
     * @throws InvalidInputException for words too long, a malformed cursor, a page size out of range or dates in
     *                               the wrong order
     */
    public SearchPage search(SearchQuery query, String after, int size) {
        Actor actor = currentActor.require();
        if (size < 1 || size > PAGE_MAX) {
            throw new InvalidInputException("search.page-size", "size", PAGE_MAX);
        }
        String words = query.text() == null ? "" : query.text().strip();
        if (words.length() > SearchQuery.TEXT_MAX) {
            throw new InvalidInputException("validation.too-long", "text");
        }
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new InvalidInputException("search.dates", "from");
        }
        Cursor cursor = Cursor.parse(after);
        Set<Long> receiving = directory.unitsReceivedBy(actor);
        Set<Long> headed = directory.unitsHeadedBy(actor.personId());
        List<SearchHit> hits = new ArrayList<>();
        for (int round = 0; round < ROUNDS && hits.size() < size; round++) {
            List<SearchHit> rows = rows(query, words.replace('/', ' '), actor, receiving, headed, cursor, size + 1);
            for (SearchHit row : rows) {
                if (hits.size() == size) {
                    return new SearchPage(hits, Cursor.encode(cursor));
                }
                if (oficios.canView(row.oficioId())) {
                    hits.add(row);
                }
                cursor = new Cursor(row.at(), row.oficioId());
            }
            if (rows.size() <= size) {
                return new SearchPage(hits, null); // the index has no more
            }
        }
        // looked at enough rows for one page: go on from the last one examined, even if none of them was visible
        return new SearchPage(hits, Cursor.encode(cursor));
    }

    private List<SearchHit> rows(SearchQuery q, String words, Actor actor, Set<Long> receiving, Set<Long> headed,
                                 Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT oficio_id, kind, status, number, subject, sender_label, sort_at FROM search_oficio
                WHERE ((NOT confidential AND (author_id = :me OR person_ids @> ARRAY[:me]::bigint[]
                                              OR (delivered AND unit_ids && :receiving) OR :auditor))
                       OR (confidential AND (author_id = :me OR person_ids @> ARRAY[:me]::bigint[]
                                             OR (delivered AND unit_ids && :headed))))
                """);
        Map<String, Object> params = new HashMap<>();
        params.put("me", actor.personId());
        params.put("receiving", receiving.toArray(Long[]::new));
        params.put("headed", headed.toArray(Long[]::new));
        params.put("auditor", actor.hasRole(Role.AUDITOR));
        if (!words.isEmpty()) {
            sql.append(" AND document @@ websearch_to_tsquery('rubrica_es', :words)");
            params.put("words", words);
        }
        if (q.kind() != null) {
            sql.append(" AND kind = :kind");
            params.put("kind", q.kind());
        }
        if (q.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", q.status().name());
        }
        if (q.unitId() != null) {
            sql.append(" AND (sender_unit_id = :unit OR unit_ids @> ARRAY[:unit]::bigint[])");
            params.put("unit", q.unitId());
        }
        ZoneId zone = clock.getZone();
        if (q.from() != null) {
            sql.append(" AND sort_at >= :from");
            params.put("from", Timestamp.from(q.from().atStartOfDay(zone).toInstant()));
        }
        if (q.to() != null) {
            sql.append(" AND sort_at < :to");
            params.put("to", Timestamp.from(q.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (q.due() != SearchQuery.Due.ANY && q.due() != null) {
            // what is due from the person, or from a unit they receive for: nobody else sees those dates
            sql.append(" AND EXISTS (SELECT 1 FROM search_due d WHERE d.oficio_id = search_oficio.oficio_id"
                    + " AND (d.assignee_id = :me OR d.unit_id = ANY(:receiving))"
                    + (q.due() == SearchQuery.Due.OVERDUE ? " AND d.due_at < :now" : "") + ")");
            params.put("now", Timestamp.from(clock.instant()));
        }
        if (after != null) {
            sql.append(" AND (sort_at, oficio_id) < (:afterAt, :afterId)");
            params.put("afterAt", Timestamp.from(after.at()));
            params.put("afterId", after.id());
        }
        sql.append(" ORDER BY sort_at DESC, oficio_id DESC LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new SearchHit(rs.getObject(1, UUID.class), rs.getString(2),
                        OficioStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Where a page ended: the last hit's date and id. Opaque to clients. */
    record Cursor(Instant at, UUID id) {

        static String encode(Cursor cursor) {
            String raw = cursor.at().getEpochSecond() + "." + cursor.at().getNano() + "." + cursor.id();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", 3);
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw new InvalidInputException("search.cursor", "after");
            }
        }
    }
}

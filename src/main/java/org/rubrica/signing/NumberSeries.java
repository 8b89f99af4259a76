package org.rubrica.signing;

import org.rubrica.directory.Directory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Official numbers: gap-free and unique per unit, kind and year, formatted with the unit's code, e.g.
 * {@code SOP/DOP/0042/2026}. The number is taken inside the caller's transaction and the series row stays locked
 * until it commits: a rollback returns the number, so the caller should commit at once (store the number with
 * the oficio), and never render or sign while holding it.
 */
@Component
public class NumberSeries {

    private final JdbcClient jdbc;
    private final Directory directory;

    NumberSeries(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** An official number, taken and formatted: a series starts at 1 the first time it is used. */
    public record OfficialNumber(long unitId, String kind, int year, int sequence, String formatted) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public OfficialNumber next(long unitId, String kind, int year) {
        String unitCode = directory.unit(unitId).code(); // read before the series is locked: hold it briefly
        int sequence = jdbc.sql("""
                        INSERT INTO signing_number_series (unit_id, kind, year, last_number) VALUES (?, ?, ?, 1)
                        ON CONFLICT ON CONSTRAINT signing_number_series_pk
                        DO UPDATE SET last_number = signing_number_series.last_number + 1
                        RETURNING last_number""")
                .params(unitId, kind, year).query(Integer.class).single();
        return new OfficialNumber(unitId, kind, year, sequence, "%s/%04d/%d".formatted(unitCode, sequence, year));
    }
}

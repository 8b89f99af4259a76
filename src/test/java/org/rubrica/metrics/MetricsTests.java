package org.rubrica.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.SignedOficios;
import org.rubrica.delivery.ReceiptService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Indicators computed on a known data set equal the values worked out by hand; the facts behind them are kept
 * from the real events; only those allowed see them.
 */
@RubricaTest
class MetricsTests {

    /** An agency and unit of the known data set: ids no real unit has, so nothing else is counted. */
    static final long AGENCY = 990_001;
    static final long UNIT = 990_011;

    @Autowired Acting acting;
    @Autowired MetricsService metrics;
    @Autowired SignedOficios signedOficios;
    @Autowired ReceiptService receipts;
    @Autowired JdbcClient jdbc;
    @Autowired org.rubrica.metrics.internal.Rollups rollups;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    @Test
    void indicators_of_a_known_data_set_equal_the_hand_computed_values() {
        // five drafted in March 2026; four signed 1, 2, 3 and 10 hours after drafting; three sent, of 1, 2 and 3
        // pages, to 1, 1 and 2 recipients
        oficio("2026-03-01 10:00", "2026-03-01 11:00", "2026-03-01 12:00", 1, 1);
        oficio("2026-03-01 10:00", "2026-03-01 12:00", "2026-03-01 12:00", 2, 1);
        oficio("2026-03-01 10:00", "2026-03-01 13:00", "2026-03-01 14:00", 3, 2);
        oficio("2026-03-01 10:00", "2026-03-01 20:00", null, 1, null);
        oficio("2026-03-01 10:00", null, null, null, null);
        // three delivered on 2 March: received after 1 and 3 hours, answered a day later (March) and in April; one
        // never received
        delivery("2026-03-02 09:00", "2026-03-02 10:00", "2026-03-03 10:00");
        delivery("2026-03-02 09:00", "2026-03-02 12:00", "2026-04-02 12:00");
        delivery("2026-03-02 09:00", null, null);
        rollups.rebuild(); // the facts were written here, not through events that mark their days

        acting.as(Acting.AUDITOR);
        Indicators march = metrics.indicators(Indicators.Scope.AGENCY, AGENCY, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31));
        assertThat(march.drafted()).isEqualTo(5);
        assertThat(march.signed()).isEqualTo(4);
        assertThat(march.sent()).isEqualTo(3);
        assertThat(march.received()).isEqualTo(2);
        // median of 1, 2, 3, 10 h = 2.5 h; 90th percentile (interpolated) = 3 + 0.7 × 7 = 7.9 h
        assertThat(march.draftToSigned()).isEqualTo(new Indicators.Times(4, Duration.ofMinutes(150),
                Duration.ofMinutes(474)));
        // of 1 and 3 h: median 2 h, 90th percentile 1 + 0.9 × 2 = 2.8 h
        assertThat(march.deliveredToReceived()).isEqualTo(new Indicators.Times(2, Duration.ofHours(2),
                Duration.ofMinutes(168)));
        // only the answer given in March: 24 h
        assertThat(march.receivedToAnswered()).isEqualTo(new Indicators.Times(1, Duration.ofHours(24),
                Duration.ofHours(24)));
        // at the end of March two wait: the one answered in April and the one never received; both came on 2 March,
        // more than the 10-day response term before the 31st
        assertThat(march.backlog()).isEqualTo(2);
        assertThat(march.overdue()).isEqualTo(2);
        assertThat(march.months()).containsExactly(new Indicators.Month(java.time.YearMonth.of(2026, 3), 5, 4, 3, 2));
        // printed, the three sent would have taken 1×2 + 2×2 + 3×3 = 15 sheets (a copy per recipient and one for
        // the file) and 4 trips: 15 × 0.20 + 15 × 0.80 + 4 × 45.00 = 3.00 + 12.00 + 180.00 = 195.00
        assertThat(march.savings().sheets()).isEqualTo(15);
        assertThat(march.savings().deliveries()).isEqualTo(4);
        assertThat(march.savings().total()).isEqualByComparingTo("195.00");
        assertThat(march.savings().transport()).isEqualByComparingTo("180.00");
        // behind the backlog figure, the two waiting copies (not oficios anyone can open: the data set is bare facts)
        assertThat(metrics.behind(Indicators.Scope.AGENCY, AGENCY, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                Indicators.Figure.BACKLOG)).hasSize(2).allSatisfy(b -> assertThat(b.summary()).isNull());
        assertThat(metrics.behind(Indicators.Scope.AGENCY, AGENCY, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                Indicators.Figure.SIGNED)).hasSize(4);
        // one author drafted all five; the unit sent three and received three (unknown ids are named by number)
        assertThat(march.byAuthor()).extracting(Indicators.Ranked::count).containsExactly(5L);
        assertThat(march.bySender()).containsExactly(new Indicators.Ranked(UNIT, "#" + UNIT, 3));
        assertThat(march.byRecipient()).containsExactly(new Indicators.Ranked(UNIT, "#" + UNIT, 3));

        Indicators unit = metrics.indicators(Indicators.Scope.UNIT, UNIT, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31));
        assertThat(unit.drafted()).isEqualTo(5);
        Indicators april = metrics.indicators(Indicators.Scope.AGENCY, AGENCY, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30));
        assertThat(april.drafted()).isZero();
        // by the end of April the one answered on 2 April no longer waits; the never-received one still does
        assertThat(april.backlog()).isEqualTo(1);
        assertThat(april.savings().total()).isEqualByComparingTo("0");
        assertThat(april.receivedToAnswered().count()).isEqualTo(1);
        assertThat(april.receivedToAnswered().median()).isEqualTo(Duration.ofDays(31));
        assertThat(april.draftToSigned()).isEqualTo(new Indicators.Times(0, null, null));
    }

    @Test
    void the_facts_come_from_real_events_and_only_those_allowed_see_indicators() {
        UUID id = signedOficios.sent("Indicadores: oficio real");
        acting.as(Acting.RECIPIENT);
        receipts.register(id, acting.unitId("SEC/DGE"));
        assertThat(jdbc.sql("SELECT signed_at IS NOT NULL AND sent_at IS NOT NULL AND pages >= 1 AND recipients = 1"
                        + " FROM metrics_oficio WHERE oficio_id = ?")
                .param(id).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT received_at IS NOT NULL FROM metrics_delivery WHERE oficio_id = ?")
                .param(id).query(Boolean.class).single()).isTrue();

        LocalDate today = LocalDate.now();
        acting.as(Acting.RECIPIENT_HEAD); // heads SEC/DGE: sees it, not the institution nor another unit
        assertThat(metrics.indicators(Indicators.Scope.UNIT, acting.unitId("SEC/DGE"), today.minusDays(1),
                today.plusDays(1)).received()).isPositive();
        assertThatThrownBy(() -> metrics.indicators(Indicators.Scope.INSTITUTION, null, today, today))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> metrics.indicators(Indicators.Scope.UNIT, acting.unitId("SOP/DOP"), today, today))
                .isInstanceOf(AccessDeniedException.class);
        acting.as(Acting.DRAFTER);
        assertThatThrownBy(() -> metrics.indicators(Indicators.Scope.UNIT, acting.unitId("SOP/DOP"), today, today))
                .isInstanceOf(AccessDeniedException.class);
        acting.as(Acting.AUDITOR);
        assertThat(metrics.indicators(Indicators.Scope.INSTITUTION, null, today.minusDays(1), today.plusDays(1))
                .sent()).isPositive();
    }

    private void oficio(String created, String signed, String sent, Integer pages, Integer recipients) {
        jdbc.sql("""
                        INSERT INTO metrics_oficio (oficio_id, kind, sender_unit_id, sender_agency, author_id, created_at,
                            signed_at, sent_at, pages, recipients)
                        VALUES (gen_random_uuid(), 'OFICIO', ?, ?, 1, ?::timestamp AT TIME ZONE ?,
                                ?::timestamp AT TIME ZONE ?, ?::timestamp AT TIME ZONE ?, ?, ?)""")
                .params(UNIT, AGENCY, created, zone(), signed, zone(), sent, zone(), pages, recipients).update();
    }

    private void delivery(String delivered, String received, String answered) {
        jdbc.sql("""
                        INSERT INTO metrics_delivery (oficio_id, unit_id, agency_id, delivered_at, received_at, answered_at)
                        VALUES (gen_random_uuid(), ?, ?, ?::timestamp AT TIME ZONE ?, ?::timestamp AT TIME ZONE ?,
                                ?::timestamp AT TIME ZONE ?)""")
                .params(UNIT, AGENCY, delivered, zone(), received, zone(), answered, zone()).update();
    }

    /** The application's zone, in which periods are days. */
    private static String zone() {
        return java.time.ZoneId.systemDefault().getId();
    }
}

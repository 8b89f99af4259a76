package org.rubrica.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@RubricaTest
class AuditChainTests {

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired Trail trail;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    @Test
    void the_log_refuses_updates_and_deletes() {
        acting.as(Acting.DRAFTER);
        oficios.startDraft("oficio", new DraftContent(acting.unitId("TES"), "Registro", "<p>Texto</p>", Map.of()));
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET detail = 'x'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update()).hasMessageContaining("append-only");
    }

    @Test
    void the_auditor_finds_the_first_tampered_entry() {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("TES"), "Original", "<p>Texto</p>", Map.of()));
        acting.as(Acting.AUDITOR);
        assertThat(trail.firstTamperedEntry()).isEmpty();

        long entry = jdbc.sql("SELECT id FROM audit_event WHERE oficio_id = ?").param(id).query(Long.class).single();
        tamper("UPDATE audit_event SET actor_name = 'Otra persona' WHERE id = " + entry);
        try {
            assertThat(trail.firstTamperedEntry()).hasValue(entry);
            Trail.ChainCheck check = trail.checkChain();
            assertThat(check.intact()).isFalse();
            assertThat(check.firstTampered().id()).isEqualTo(entry);
            assertThat(check.firstTampered().actorName()).isEqualTo("Otra persona");
        } finally {
            tamper("UPDATE audit_event SET actor_name = 'Ing. Miguel López Serrano' WHERE id = " + entry);
        }
        assertThat(trail.firstTamperedEntry()).isEmpty();
        assertThat(trail.checkChain().intact()).isTrue();
        acting.as(Acting.DRAFTER);
        assertThatThrownBy(() -> trail.checkChain()).isInstanceOf(AccessDeniedException.class);
    }

    /** What an attacker with database access would do: switch the guard off, change a row. */
    private void tamper(String sql) {
        jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only").update();
        try {
            jdbc.sql(sql).update();
        } finally {
            jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only").update();
        }
    }
}

package org.rubrica.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.SignedOficios;
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.directory.DirectoryAdministration;
import org.rubrica.directory.UnitForm;
import org.rubrica.directory.UnitKind;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.Recipient;
import org.rubrica.drafting.RecipientService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sending is all or nothing even when the process dies: another JVM sends a signed oficio to 100 units and is
 * killed (SIGKILL) while half the inbox entries are written; afterwards no recipient has it, the oficio is still
 * signed and unsent, and the audit chain is whole. Sent again, every recipient has it exactly once.
 */
@RubricaTest
class SendCrashTests {

    static final int RECIPIENTS = 100;

    @Autowired Acting acting;
    @Autowired OficioService oficios;
    @Autowired RecipientService recipients;
    @Autowired DeliveryService delivery;
    @Autowired SignedOficios signedOficios;
    @Autowired DirectoryAdministration administration;
    @Autowired Trail trail;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void logout() {
        acting.nobody();
    }

    @Test
    void a_jvm_killed_in_the_middle_of_a_100_recipient_send_leaves_all_or_nothing() throws Exception {
        UUID id = signedFor(units(RECIPIENTS - 1)); // the addressee and 99 more
        acting.nobody();

        Process child = sendInAnotherJvm(id, RECIPIENTS / 2);
        try {
            assertThat(waitForPause(child)).as("the other JVM paused in the middle of the send").isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the application
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        assertThat(entries(id)).as("no recipient has it").isZero();
        assertThat(status(id)).isEqualTo("SIGNED");
        acting.as(Acting.AUDITOR);
        assertThat(trail.of(id)).extracting(TrailEntry::type).doesNotContain("SENT", "DELIVERED");
        assertThat(trail.firstTamperedEntry()).isEmpty();

        acting.as(Acting.DRAFTER);
        assertThat(delivery.send(id)).hasSize(RECIPIENTS);
        assertThat(entries(id)).isEqualTo(RECIPIENTS);
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(trail.of(id)).filteredOn(e -> e.type().equals("DELIVERED")).hasSize(RECIPIENTS);
    }

    /** Fresh units under a fresh agency, made by the administrator. */
    private List<Long> units(int count) {
        acting.as(Acting.ADMIN);
        String agency = "K" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        long agencyId = administration.saveUnit(new UnitForm(null, null, agency, "Dependencia de prueba " + agency,
                UnitKind.AGENCY, null, true));
        List<Long> ids = new ArrayList<>(List.of(agencyId));
        for (int i = 1; i < count; i++) {
            ids.add(administration.saveUnit(new UnitForm(null, agencyId, agency + "/U" + i, "Unidad " + i,
                    UnitKind.DEPARTMENT, null, true)));
        }
        return ids;
    }

    private UUID signedFor(List<Long> others) {
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Circular a cien unidades",
                "<p>Se comunica el calendario oficial.</p>", Map.of()));
        recipients.setOthers(id, others.stream().map(u -> u % 2 == 0 ? Recipient.to(u) : Recipient.copy(u)).toList());
        signedOficios.signDraft(id);
        return id;
    }

    private Process sendInAnotherJvm(UUID id, int pauseAfter) throws Exception {
        return org.rubrica.OtherJvm.start(SendInAnotherJvm.class, id.toString(), String.valueOf(pauseAfter));
    }

    /** Reads the child's output until it says it paused (true) or ends (false); its log is echoed for diagnosis. */
    private static boolean waitForPause(Process child) throws Exception {
        CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> {
            try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.contains(SendInAnotherJvm.PAUSED)) {
                        return true;
                    }
                    if (line.contains("ERROR") || line.contains("Exception")) {
                        System.out.println("[send JVM] " + line);
                    }
                }
                return false;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return paused.get(180, TimeUnit.SECONDS);
    }

    private int entries(UUID id) {
        return jdbc.sql("SELECT count(*) FROM delivery_inbox_entry WHERE oficio_id = ?").param(id)
                .query(Integer.class).single();
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM drafting_oficio WHERE id = ?").param(id).query(String.class).single();
    }
}

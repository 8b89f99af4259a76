package org.rubrica.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.RubricaTest;
import org.rubrica.audit.Trail;
import org.rubrica.audit.TrailEntry;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.RoutingService;
import org.rubrica.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * An approved oficio signed by the head who approved its signing step: a wrong PIN numbers nothing; the right one
 * numbers it, signs at BASELINE-LT, and DSS passes the stored PDF, whose SHA-256 is in the trail.
 */
@RubricaTest
class OficioSigningTests {

    @Autowired Acting acting;
    @Autowired org.rubrica.SignedOficios signedOficios;
    @Autowired OficioService oficios;
    @Autowired RoutingService routing;
    @Autowired OficioSigning signing;
    @Autowired PadesSignatures pades;
    @Autowired Trail trail;

    @AfterEach
    void logout() {
        acting.nobody();
    }


    @Test
    void the_head_who_approved_signs_with_her_pin_the_oficio_is_numbered_signed_and_passes_dss() throws Exception {
        Person reviewer = acting.person("Ing. Sergio Ramírez Treviño");
        Person head = acting.person("Arq. Tomás Villarreal Ochoa");
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Oficio que se firma",
                "<p>Se remite el informe solicitado.</p>", Map.of()));
        routing.setRoute(id, List.of(new StepPlan(StepKind.REVIEW, StepMode.ALL, List.of(reviewer.id()), null),
                new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(head.id()), null)));
        routing.submit(id);
        acting.as(reviewer.username());
        routing.decide(id, Decision.APPROVED, null);
        assertThatThrownBy(() -> signing.sign(id, "000000".toCharArray()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("signing.not-approved")); // still in review
        acting.as(head.username());
        routing.decide(id, Decision.APPROVED, "Procede.");
        signedOficios.freshCredential(head, "583920");

        acting.as(reviewer.username()); // he reviewed; he did not approve a signing step
        assertThatThrownBy(() -> signing.sign(id, "000000".toCharArray())).isInstanceOf(AccessDeniedException.class);

        acting.as(head.username());
        assertThatThrownBy(() -> signing.sign(id, "111222".toCharArray()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("signing.pin.wrong"));
        assertThat(oficios.get(id).number()).as("a wrong PIN numbers nothing").isNull();

        OficioSigning.Signed signed = signing.sign(id, "583920".toCharArray());
        assertThat(signed.number()).matches("SOP/DOP/\\d{4}/\\d{4}");
        assertThat(signed.complete()).isTrue();
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.SIGNED);
        assertThat(oficios.get(id).number()).isEqualTo(signed.number());

        byte[] pdf = signing.signedPdf(id).orElseThrow();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf))).isEqualTo(signed.sha256());
        SignatureVerdict verdict = pades.validate(pdf);
        assertThat(verdict.valid()).as(verdict.toString()).isTrue();
        assertThat(verdict.signatures()).singleElement().satisfies(s -> {
            assertThat(s.level()).isEqualTo("PAdES_BASELINE_LT");
            assertThat(s.signedBy()).contains(head.fullName());
        });
        assertThat(trail.of(id)).extracting(TrailEntry::type).containsSubsequence("ROUTE_COMPLETED", "NUMBERED", "SIGNED");
        assertThat(trail.of(id)).filteredOn(e -> e.type().equals("SIGNED")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(signed.sha256(), "TOTAL_PASSED"));
        assertThatThrownBy(() -> signing.sign(id, "583920".toCharArray()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("signing.not-approved")); // signed: not twice
    }
}

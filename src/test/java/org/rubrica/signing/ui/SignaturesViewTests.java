package org.rubrica.signing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.upload.Upload;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.PendingItem;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.RoutingService;
import org.rubrica.signing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A director signs two of her three approved oficios at once with one PIN, watching the progress; a signer signs a
 * pile with her e.firma files uploaded once.
 */
class SignaturesViewTests extends KaribuTest {

    @Autowired OficioService oficios;
    @Autowired org.rubrica.SignedOficios signedOficios;
    @Autowired RoutingService routing;
    @Autowired Directory directory;

    private static void awaitPushed(Supplier<Boolean> condition) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            MockVaadin.clientRoundtrip(false);
            if (condition.get()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the page was not updated");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_batch_signed_with_one_pin_reports_progress_and_what_was_signed() throws Exception {
        Person head = directory.people().stream().filter(p -> p.fullName().equals("Mtro. Eduardo Flores Lara"))
                .findFirst().orElseThrow();
        List<UUID> approved = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            acting.as(Acting.DRAFTER);
            UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Lote de firma " + i,
                    "<p>Texto.</p>", Map.of()));
            routing.setRoute(id, List.of(new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(head.id()), null)));
            routing.submit(id);
            acting.as(head.username());
            routing.decide(id, Decision.APPROVED, null);
            approved.add(id);
        }
        signedOficios.freshCredential(head, "461739");

        loginAs(head.username());
        UI.getCurrent().navigate("por-firmar");
        Grid<PendingItem> grid = _get(Grid.class, spec -> spec.withId("to-sign"));
        assertThat(GridKt._findAll(grid)).extracting(PendingItem::oficioId).containsAll(approved);
        GridKt._findAll(grid).stream().filter(p -> !p.oficioId().equals(approved.get(2))).forEach(grid::select);

        _setValue(_get(PasswordField.class, spec -> spec.withId("batch-pin")), "461738"); // wrong: nothing signed
        _click(_get(Button.class, spec -> spec.withId("sign-selected")));
        awaitPushed(() -> _get(Button.class, spec -> spec.withId("sign-selected")).isEnabled());
        acting.as(Acting.DRAFTER);
        assertThat(oficios.get(approved.getFirst()).status()).isEqualTo(OficioStatus.APPROVED);

        acting.as(head.username());
        _setValue(_get(PasswordField.class, spec -> spec.withId("batch-pin")), "461739");
        _click(_get(Button.class, spec -> spec.withId("sign-selected")));
        awaitPushed(() -> !_get(Div.class, spec -> spec.withId("batch-summary")).getChildren().toList().isEmpty());
        acting.as(Acting.DRAFTER);
        assertThat(oficios.get(approved.get(0)).status()).isEqualTo(OficioStatus.SIGNED);
        assertThat(oficios.get(approved.get(1)).status()).isEqualTo(OficioStatus.SIGNED);
        assertThat(oficios.get(approved.get(2)).status()).isEqualTo(OficioStatus.APPROVED);
        acting.as(head.username());
        assertThat(GridKt._findAll(grid)).extracting(PendingItem::oficioId)
                .contains(approved.get(2)).doesNotContain(approved.get(0), approved.get(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_batch_signed_with_an_efirma_pair_uploaded_once() throws Exception {
        Person signer = acting.person("C.P. Mónica Rosales Ibarra");
        List<UUID> approved = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            acting.as(Acting.DRAFTER);
            UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Lote con e.firma " + i,
                    "<p>Texto.</p>", Map.of()));
            routing.setRoute(id, List.of(new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(signer.id()), null)));
            routing.submit(id);
            acting.as(signer.username());
            routing.decide(id, Decision.APPROVED, null);
            approved.add(id);
        }
        TestPki.Issued efirma = TestPki.signer(TestPki.trustedCa(), "MONICA ROSALES IBARRA", null);

        loginAs(signer.username());
        UI.getCurrent().navigate("por-firmar");
        Grid<PendingItem> grid = _get(Grid.class, spec -> spec.withId("to-sign"));
        GridKt._findAll(grid).stream().filter(p -> approved.contains(p.oficioId())).forEach(grid::select);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("batch-with")), CredentialChoice.Way.FILE);
        Upload upload = _get(Upload.class, spec -> spec.withId("batch-file"));
        UploadKt._upload(upload, "firma.cer", TestPki.der(efirma.certificate()));
        UploadKt._upload(upload, "firma.key", TestPki.efirmaKey(efirma.key(), "Clave.eFirma1"));
        MockVaadin.clientRoundtrip(false);
        _setValue(_get(PasswordField.class, spec -> spec.withId("batch-file-password")), "Clave.eFirma1");
        _click(_get(Button.class, spec -> spec.withId("sign-selected")));
        awaitPushed(() -> !_get(Div.class, spec -> spec.withId("batch-summary")).getChildren().toList().isEmpty());

        acting.as(Acting.DRAFTER);
        assertThat(approved).allSatisfy(id -> assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.SIGNED));
    }
}

package org.rubrica.signing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.RoutingService;
import org.rubrica.signing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The head signs an approved oficio from its page with her PIN, or a signer with her own .p12; a wrong PIN or
 * password leaves it approved and unnumbered.
 */
class SignPanelTests extends KaribuTest {

    @Autowired OficioService oficios;
    @Autowired org.rubrica.SignedOficios signedOficios;
    @Autowired RoutingService routing;
    @Autowired Directory directory;

    @Test
    void the_head_signs_from_the_oficio_page() {
        Person head = directory.people().stream().filter(p -> p.fullName().equals("Dra. Lucía Escobar Miranda"))
                .findFirst().orElseThrow();
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Firma en pantalla",
                "<p>Texto.</p>", Map.of()));
        routing.setRoute(id, List.of(new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(head.id()), null)));
        routing.submit(id);
        acting.as(head.username());
        routing.decide(id, Decision.APPROVED, null);
        signedOficios.freshCredential(head, "719356");

        loginAs(head.username());
        UI.getCurrent().navigate("oficios/" + id);
        _setValue(_get(PasswordField.class, spec -> spec.withId("sign-pin")), "719357");
        _click(_get(Button.class, spec -> spec.withId("sign")));
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.APPROVED);
        assertThat(oficios.get(id).number()).isNull();
        assertThat(_get(Button.class, spec -> spec.withId("sign")).isEnabled()).isTrue(); // try again

        _setValue(_get(PasswordField.class, spec -> spec.withId("sign-pin")), "719356");
        _click(_get(Button.class, spec -> spec.withId("sign")));
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.SIGNED);
        assertThat(oficios.get(id).number()).isNotNull();
        _assertNone(SignPanel.class); // signed: nothing left to sign
    }

    @Test
    void the_signer_signs_with_her_own_p12_from_the_oficio_page() {
        Person signer = acting.person("C.P. Mónica Rosales Ibarra");
        acting.as(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Firma con archivo propio",
                "<p>Texto.</p>", Map.of()));
        routing.setRoute(id, List.of(new StepPlan(StepKind.SIGN, StepMode.ALL, List.of(signer.id()), null)));
        routing.submit(id);
        acting.as(signer.username());
        routing.decide(id, Decision.APPROVED, null);
        TestPki.Issued issued = TestPki.signer(TestPki.trustedCa(), "MONICA ROSALES IBARRA", null);
        byte[] p12 = TestPki.p12(issued, TestPki.trustedCa(), "mi-clave");

        loginAs(signer.username());
        UI.getCurrent().navigate("oficios/" + id);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("sign-with")), CredentialChoice.Way.FILE);
        _assertNone(PasswordField.class, spec -> spec.withId("sign-pin"));
        _click(_get(Button.class, spec -> spec.withId("sign"))); // no file yet
        assertThat(oficios.get(id).number()).isNull();

        UploadKt._upload(_get(Upload.class, spec -> spec.withId("sign-file")), "mi-firma.p12", p12);
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(Span.class, spec -> spec.withId("sign-file-received")).getText()).contains("mi-firma.p12");
        _setValue(_get(PasswordField.class, spec -> spec.withId("sign-file-password")), "otra-clave");
        _click(_get(Button.class, spec -> spec.withId("sign")));
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.APPROVED);
        assertThat(oficios.get(id).number()).isNull();

        _setValue(_get(PasswordField.class, spec -> spec.withId("sign-file-password")), "mi-clave");
        _click(_get(Button.class, spec -> spec.withId("sign")));
        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.SIGNED);
        _assertNone(SignPanel.class);
    }
}

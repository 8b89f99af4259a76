package org.rubrica.verification;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.RubricaTest;
import org.rubrica.SignedOficios;
import org.rubrica.delivery.DeliveryService;
import org.rubrica.directory.Person;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public page at the QR's address shows a signed oficio's registration without login; a mistyped code is told
 * so; once its signer annuls it from the oficio page (a reason is required), the oficio page (the recipient's too),
 * the recipient's inbox and the public page all say so, with the reason.
 */
@RubricaTest
class VerificationViewTests extends KaribuTest {

    @Autowired SignedOficios signedOficios;
    @Autowired DeliveryService delivery;

    @Test
    void the_qr_address_shows_the_registration_and_an_annulment_shows_everywhere() {
        Person signer = acting.person("Lic. Natalia Bravo Quiroga"); // Directora de Cultura, SEC/DCU
        Person drafter = acting.person("Emilio Castro Valdés");
        SignedOficios.Signed signed = signedOficios.signedBy(drafter.username(), signer, "Programa de festivales");
        acting.as(drafter.username());
        delivery.send(signed.id()); // to SEC/DGE
        acting.as(Acting.RECIPIENT);
        long unit = acting.unitId("SEC/DGE");
        context.getBean(org.rubrica.delivery.ReceiptService.class).register(signed.id(), unit);
        long assignee = delivery.assignablePeople(unit).getFirst().id();
        delivery.assign(signed.id(), unit, java.util.List.of(assignee), "Revisar el programa.", null);
        acting.nobody();

        UI.getCurrent().navigate("verificar/" + signed.code()); // nobody logged in
        String shown = _get(Div.class, spec -> spec.withId("verification-result")).getElement().getTextRecursively();
        assertThat(shown).contains(signed.number(), signer.fullName(), "Dirección de Cultura")
                .doesNotContain("Programa de festivales"); // the subject is not public

        _setValue(_get(TextField.class, spec -> spec.withId("verification-code")), "ZZZZ-ZZZZ-ZZZ");
        _click(_get(Button.class, spec -> spec.withId("verification-check")));
        assertThat(_get(Div.class, spec -> spec.withId("verification-result")).getElement().getTextRecursively())
                .doesNotContain(signed.number());

        loginAs(signer.username());
        UI.getCurrent().navigate("oficios/" + signed.id());
        assertThat(_get(Anchor.class, spec -> spec.withId("verification-link")).getHref())
                .endsWith("/verificar/" + signed.code());
        _get(Anchor.class, spec -> spec.withId("validation-report")); // DSS's report, to download
        _click(_get(Button.class, spec -> spec.withId("annul")));
        _setValue(_get(TextArea.class, spec -> spec.withId("annulment-reason")), "corto");
        _click(_get(Button.class, spec -> spec.withId("annulment-confirm")));
        assertThat(_get(TextArea.class, spec -> spec.withId("annulment-reason")).isInvalid()).isTrue();
        _setValue(_get(TextArea.class, spec -> spec.withId("annulment-reason")),
                "Se duplicó con el oficio enviado la semana pasada.");
        _click(_get(Button.class, spec -> spec.withId("annulment-confirm")));
        assertThat(_get(Div.class, spec -> spec.withId("annulment-banner")).getText())
                .contains("Se duplicó con el oficio enviado la semana pasada.", signer.fullName());

        loginAs(Acting.RECIPIENT); // the receiving office sees it annulled, in its inbox and on the oficio's page
        assertThat(delivery.myInbox()).filteredOn(i -> i.oficioId().equals(signed.id())).singleElement()
                .satisfies(i -> assertThat(i.annulled()).isTrue());
        assertThat(delivery.assignments(signed.id())).singleElement().satisfies(a -> {
            assertThat(a.open()).isFalse();
            assertThat(a.closedReason()).isEqualTo("ANNULLED");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> delivery.assign(signed.id(), unit,
                        java.util.List.of(assignee), null, null))
                .isInstanceOfSatisfying(org.rubrica.shared.InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("delivery.assign.annulled"));
        UI.getCurrent().navigate("oficios/" + signed.id());
        assertThat(_get(Div.class, spec -> spec.withId("annulment-banner")).getText())
                .contains("Se duplicó con el oficio enviado la semana pasada.");
        _assertNone(Button.class, spec -> spec.withId("annul"));

        acting.nobody();
        UI.getCurrent().getPage().reload();
        UI.getCurrent().navigate("verificar/" + signed.code().toLowerCase());
        assertThat(_get(Div.class, spec -> spec.withId("verification-result")).getElement().getTextRecursively())
                .contains(signed.number(), "Se duplicó con el oficio enviado la semana pasada.");
    }
}

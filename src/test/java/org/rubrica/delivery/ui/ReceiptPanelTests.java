package org.rubrica.delivery.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.SignedOficios;
import org.rubrica.drafting.OficioService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a received oficio's page the receiving office registers its receipt and gets the acknowledgement; the sender
 * sees that recipient registered, with the acknowledgement to download; the office's drafter answers it.
 */
class ReceiptPanelTests extends KaribuTest {

    @Autowired SignedOficios signedOficios;
    @Autowired OficioService oficios;

    @Test
    void the_office_registers_the_receipt_the_sender_sees_it_and_the_office_replies() {
        UUID id = signedOficios.sent("Recepción en pantalla");
        long unit = acting.unitId("SEC/DGE");

        loginAs(Acting.RECIPIENT);
        UI.getCurrent().navigate("oficios/" + id);
        _click(_get(Button.class, spec -> spec.withId("receipt-register-" + unit)));
        String receipt = _get(Div.class, spec -> spec.withId("receipt-panel")).getElement().getTextRecursively();
        assertThat(receipt).contains("Folio de entrada SEC/DGE/E-");
        assertThat(_find(Anchor.class, spec -> spec.withId("acknowledgement-" + unit))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("receipt-register-" + unit))).isEmpty();

        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("oficios/" + id);
        String status = _get(Div.class, spec -> spec.withId("receipt-panel")).getElement().getTextRecursively();
        assertThat(status).contains("SEC/DGE", "Recepción registrada", "Folio de entrada");
        assertThat(_find(Anchor.class, spec -> spec.withId("acknowledgement-" + unit))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("reply"))).as("the sender does not answer itself").isEmpty();

        loginAs(Acting.RECIPIENT);
        UI.getCurrent().navigate("oficios/" + id);
        _click(_get(Button.class, spec -> spec.withId("reply")));
        assertThat(_get(H2.class).getText()).isEqualTo("Editar borrador");
    }
}

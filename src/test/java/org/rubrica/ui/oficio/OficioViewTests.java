package org.rubrica.ui.oficio;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.OficioStatus;
import org.springframework.beans.factory.annotation.Autowired;

class OficioViewTests extends KaribuTest {

    @Autowired OficioService oficios;

    private UUID draft(String subject) {
        loginAs(Acting.DRAFTER);
        return oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), subject,
                "<p>Texto del oficio.</p>", Map.of()));
    }

    @Test
    void the_author_sends_the_signed_oficio_after_confirming() {
        UUID draft = draft("Todavía sin firma");
        UI.getCurrent().navigate("oficios/" + draft);
        assertThat(_find(Button.class, spec -> spec.withText("Enviar"))).as("a draft is not sent").isEmpty();

        UUID id = context.getBean(org.rubrica.SignedOficios.class).signed("Envío desde la página");
        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("oficios/" + id);
        int before = _find(ListItem.class, spec -> spec.withClasses("trail-entry")).size();

        _click(_get(Button.class, spec -> spec.withText("Enviar")));
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        ComponentUtil.fireEvent(dialog, new ConfirmDialog.ConfirmEvent(dialog, false));

        assertThat(oficios.get(id).status()).isEqualTo(OficioStatus.SENT);
        assertThat(_get(Span.class, spec -> spec.withClasses("oficio-status")).getText()).isEqualTo("Enviado");
        assertThat(_find(Button.class, spec -> spec.withText("Enviar"))).isEmpty();
        assertThat(_find(ListItem.class, spec -> spec.withClasses("trail-entry"))).hasSize(before + 2); // sent, delivered
    }

    @Test
    void a_person_of_another_unit_opening_a_draft_by_its_address_is_refused() {
        UUID id = draft("No es para usted");
        loginAs(Acting.OTHER_UNIT_DRAFTER);
        UI.getCurrent().navigate("oficios/" + id);
        assertThat(_find(OficioView.class)).isEmpty();
        assertThat(_get(H2.class).getText()).isEqualTo("Documento no disponible");
        assertThat(_find(H2.class, spec -> spec.withText("No es para usted"))).isEmpty();
    }

    @Test
    void a_sent_oficio_cannot_be_opened_for_editing_by_its_address() {
        UUID id = draft("Ya enviado");
        context.getBean(org.rubrica.SignedOficios.class).signAndSend(id);
        UI.getCurrent().navigate("oficios/" + id + "/editar");
        assertThat(_get(H2.class).getText()).isEqualTo("Acceso no permitido");
    }

    @Test
    void a_malformed_address_is_a_friendly_not_found() {
        loginAs(Acting.DRAFTER);
        UI.getCurrent().navigate("oficios/no-es-un-id");
        assertThat(_get(H2.class).getText()).isEqualTo("Documento no disponible");
    }
}

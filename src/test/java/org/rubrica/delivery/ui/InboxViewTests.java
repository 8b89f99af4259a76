package org.rubrica.delivery.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;

import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.delivery.DeliveryService;
import org.rubrica.delivery.InboxItem;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.springframework.beans.factory.annotation.Autowired;

class InboxViewTests extends KaribuTest {

    @Autowired OficioService oficios;
    @Autowired DeliveryService delivery;
    @Autowired org.rubrica.SignedOficios signedOficios;

    @Test
    @SuppressWarnings("unchecked")
    void the_recipient_sees_the_oficio_unread_and_opening_it_marks_it_read() {
        loginAs(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Bandeja: visita escolar",
                "<p>Texto.</p>", Map.of()));
        signedOficios.signAndSend(id);

        loginAs(Acting.RECIPIENT);
        UI.getCurrent().navigate(InboxView.class);
        Grid<InboxItem> grid = _get(Grid.class);
        int row = rowOf(grid, id);
        assertThat(GridKt._get(grid, row).unread()).isTrue();

        GridKt._clickItem(grid, row);
        assertThat(_get(H2.class, spec -> spec.withText("Bandeja: visita escolar"))).isNotNull();

        UI.getCurrent().navigate(InboxView.class);
        grid = _get(Grid.class);
        assertThat(GridKt._get(grid, rowOf(grid, id)).unread()).isFalse();
    }

    /** Someone who receives for no unit has a personal inbox: only what was addressed to them. */
    @Test
    @SuppressWarnings("unchecked")
    void a_drafter_sees_only_what_was_addressed_to_them() {
        loginAs(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("TES/DE"), "Para la Dirección de Egresos",
                "<p>Texto.</p>", Map.of()));
        signedOficios.signAndSend(id);
        loginAs(Acting.OTHER_UNIT_DRAFTER); // of TES/DE, but not who receives for it
        UI.getCurrent().navigate("bandeja");
        Grid<InboxItem> grid = _get(Grid.class);
        var shown = new java.util.ArrayList<InboxItem>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            shown.add(GridKt._get(grid, i));
        }
        assertThat(shown).extracting(InboxItem::oficioId).doesNotContain(id);
        assertThat(shown).allMatch(InboxItem::forMe);

        loginAs(acting.person("Lic. Martín Orozco Villanueva").username()); // its head does see it
        UI.getCurrent().navigate("bandeja");
        rowOf(_get(Grid.class), id);
    }

    private static int rowOf(Grid<InboxItem> grid, UUID id) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).oficioId().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("oficio " + id + " not in the inbox");
    }
}

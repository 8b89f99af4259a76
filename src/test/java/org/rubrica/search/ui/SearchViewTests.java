package org.rubrica.search.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.rubrica.Acting;
import org.rubrica.KaribuTest;
import org.rubrica.drafting.DraftContent;
import org.rubrica.drafting.OficioService;
import org.rubrica.search.SearchHit;
import org.springframework.beans.factory.annotation.Autowired;

/** The search page: words typed without accents find the oficio, and a click opens it. */
class SearchViewTests extends KaribuTest {

    @Autowired OficioService oficios;

    @Test
    @SuppressWarnings("unchecked")
    void typed_words_find_the_oficio_and_a_click_opens_it() {
        loginAs(Acting.DRAFTER);
        UUID id = oficios.startDraft("oficio", new DraftContent(acting.unitId("SEC/DGE"), "Rehabilitación del jardín Tzintzuntzan",
                "<p>Texto.</p>", Map.of()));
        UI.getCurrent().navigate("buscar");
        _get(TextField.class, spec -> spec.withId("search-words")).setValue("rehabilitacion tzintzuntzan");
        _click(_get(Button.class, spec -> spec.withId("search-go")));
        Grid<SearchHit> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).oficioId()).isEqualTo(id);
        GridKt._clickItem(grid, 0);
        assertThat(_get(H2.class, spec -> spec.withText("Rehabilitación del jardín Tzintzuntzan"))).isNotNull();
    }
}

package org.rubrica.search.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.rubrica.drafting.OficioStatus;
import org.rubrica.search.SearchHit;
import org.rubrica.search.SearchPage;
import org.rubrica.search.SearchQuery;
import org.rubrica.search.SearchService;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.FieldErrors;
import org.rubrica.shared.ui.Formats;

/** Looks for oficios by words and filters; results come a page at a time, newest first. */
@Route("buscar")
@Menu(order = 4, title = "menu.search", icon = "vaadin:search")
@PermitAll
class SearchView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 25;

    private final SearchService search;
    private final TextField words = new TextField();
    private final Select<OficioStatus> status = new Select<>();
    private final Select<SearchQuery.Due> due = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<SearchHit> grid = new Grid<>();
    private final Button more = new Button();
    private final FieldErrors errors = new FieldErrors();
    private final List<SearchHit> shown = new ArrayList<>();
    private String next;

    SearchView(SearchService search) {
        this.search = search;
        setSizeFull();
        words.setId("search-words");
        words.setLabel(getTranslation("search.words"));
        words.setPlaceholder(getTranslation("search.placeholder"));
        words.setMaxLength(SearchQuery.TEXT_MAX);
        words.setClearButtonVisible(true);
        words.setWidth("24em");
        words.addKeyPressListener(Key.ENTER, e -> first());
        status.setLabel(getTranslation("search.status"));
        status.setItems(OficioStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("search.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("search.any") : getTranslation(s.messageKey()));
        due.setLabel(getTranslation("search.due"));
        due.setItems(SearchQuery.Due.values());
        due.setItemLabelGenerator(d -> getTranslation("search.due." + d.name()));
        due.setValue(SearchQuery.Due.ANY);
        from.setLabel(getTranslation("search.from"));
        to.setLabel(getTranslation("search.to"));
        errors.bind("text", words).bind("from", from);
        var go = new Button(getTranslation("search.action"), e -> first());
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.setId("search-go");
        var filters = new HorizontalLayout(words, status, due, from, to, go);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addColumn(h -> h.number() == null ? "" : h.number()).setHeader(getTranslation("oficio.number"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SearchHit::subject).setHeader(getTranslation("oficio.subject")).setFlexGrow(3);
        grid.addColumn(SearchHit::senderLabel).setHeader(getTranslation("inbox.sender")).setFlexGrow(2);
        grid.addColumn(h -> getTranslation(h.status().messageKey())).setHeader(getTranslation("search.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(h -> Formats.dateTime(h.at(), getLocale())).setHeader(getTranslation("search.date"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("oficios/" + e.getItem().oficioId())));
        grid.setEmptyStateComponent(new Span(getTranslation("search.none")));
        more.setText(getTranslation("search.more"));
        more.setId("search-more");
        more.addClickListener(e -> load());
        more.setVisible(false);
        add(new H2(getTranslation("menu.search")), filters, grid, more);
    }

    private void first() {
        shown.clear();
        next = null;
        load();
    }

    private void load() {
        try {
            errors.clear();
            SearchQuery query = new SearchQuery(words.getValue(), null, status.getValue(), null, from.getValue(),
                    to.getValue(), due.getValue());
            SearchPage page = search.search(query, next, PAGE);
            shown.addAll(page.hits());
            next = page.next();
            grid.setItems(shown);
            more.setVisible(next != null);
        } catch (InvalidInputException e) {
            errors.show(e, this);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.search") + " · " + getTranslation("app.name");
    }
}

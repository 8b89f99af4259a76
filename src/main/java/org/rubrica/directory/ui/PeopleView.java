package org.rubrica.directory.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.directory.Directory;
import org.rubrica.directory.DirectoryAdministration;
import org.rubrica.directory.Person;
import org.rubrica.directory.Role;
import org.rubrica.directory.Unit;

/** People of the institution; administrators add them, edit them and assign their roles. */
@Route("admin/personas")
@Menu(order = 11, title = "menu.people", icon = "vaadin:users")
@RolesAllowed(Role.Names.ORG_ADMIN)
class PeopleView extends VerticalLayout implements HasDynamicTitle {

    private final Directory directory;
    private final DirectoryAdministration administration;
    private final Grid<Person> grid = new Grid<>();
    private final TextField filter = new TextField();
    private List<Person> people = List.of();
    private Map<Long, Unit> units = Map.of();

    PeopleView(Directory directory, DirectoryAdministration administration) {
        this.directory = directory;
        this.administration = administration;
        setSizeFull();
        grid.addColumn(Person::fullName).setHeader(getTranslation("person.fullName")).setFlexGrow(2);
        grid.addColumn(Person::cargo).setHeader(getTranslation("person.cargo")).setFlexGrow(2);
        grid.addColumn(p -> units.get(p.unitId()).code()).setHeader(getTranslation("person.unit")).setAutoWidth(true);
        grid.addColumn(Person::username).setHeader(getTranslation("person.username")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.locked() ? "person.locked" : p.active() ? "person.active" : "person.inactive"))
                .setHeader(getTranslation("person.state")).setAutoWidth(true);
        grid.addItemClickListener(e -> edit(e.getItem()));
        filter.setPlaceholder(getTranslation("action.filter"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> show());
        var add = new Button(getTranslation("person.new"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var header = new HorizontalLayout(new H2(getTranslation("menu.people")), filter, add);
        header.setAlignItems(Alignment.BASELINE);
        header.setWrap(true);
        add(header, grid);
        refresh();
    }

    private void edit(Person person) {
        var memberships = person == null ? List.<org.rubrica.directory.Membership>of() : directory.memberships(person.id());
        new PersonDialog(person, memberships, List.copyOf(units.values()), administration, this::refresh).open();
    }

    private void refresh() {
        units = directory.units().stream().collect(Collectors.toMap(Unit::id, u -> u));
        people = directory.people();
        show();
    }

    private void show() {
        String text = filter.getValue().toLowerCase(Locale.ROOT);
        grid.setItems(people.stream().filter(p -> text.isBlank()
                || (p.fullName() + " " + p.cargo() + " " + p.username()).toLowerCase(Locale.ROOT).contains(text)).toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.people") + " · " + getTranslation("app.name");
    }
}

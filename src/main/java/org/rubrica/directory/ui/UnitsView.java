package org.rubrica.directory.ui;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.rubrica.directory.Directory;
import org.rubrica.directory.DirectoryAdministration;
import org.rubrica.directory.Person;
import org.rubrica.directory.Role;
import org.rubrica.directory.Unit;

/** The organisation tree; administrators add and edit units. */
@Route("admin/unidades")
@Menu(order = 10, title = "menu.units", icon = "vaadin:sitemap")
@RolesAllowed(Role.Names.ORG_ADMIN)
class UnitsView extends VerticalLayout implements HasDynamicTitle {

    private final Directory directory;
    private final DirectoryAdministration administration;
    private final TreeGrid<Unit> tree = new TreeGrid<>();
    private Map<Long, String> headNames = Map.of();

    UnitsView(Directory directory, DirectoryAdministration administration) {
        this.directory = directory;
        this.administration = administration;
        setSizeFull();
        tree.addHierarchyColumn(Unit::code).setHeader(getTranslation("unit.code")).setAutoWidth(true);
        tree.addColumn(Unit::name).setHeader(getTranslation("unit.name")).setFlexGrow(2);
        tree.addColumn(u -> getTranslation("unit.kind." + u.kind())).setHeader(getTranslation("unit.kind"));
        tree.addColumn(u -> u.headPersonId() == null ? "" : headNames.getOrDefault(u.headPersonId(), ""))
                .setHeader(getTranslation("unit.head"));
        tree.addItemClickListener(e -> edit(e.getItem()));
        var add = new Button(getTranslation("unit.new"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var header = new HorizontalLayout(new H2(getTranslation("menu.units")), add);
        header.setAlignItems(Alignment.BASELINE);
        add(header, tree);
        refresh();
    }

    private void edit(Unit unit) {
        List<Unit> units = directory.units();
        List<Person> people = directory.people();
        new UnitDialog(unit, units, people, administration, this::refresh).open();
    }

    private void refresh() {
        List<Unit> units = directory.units();
        headNames = directory.people().stream().collect(Collectors.toMap(Person::id, Person::fullName));
        tree.setItems(units.stream().filter(u -> u.parentId() == null).toList(),
                parent -> units.stream().filter(u -> parent.id() == (u.parentId() == null ? -1 : u.parentId())).toList());
        tree.expandRecursively(units, 3);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.units") + " · " + getTranslation("app.name");
    }
}

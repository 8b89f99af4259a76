package org.rubrica.drafting.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Unit;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.Recipient;
import org.rubrica.drafting.RecipientLine;
import org.rubrica.drafting.RecipientService;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.FieldErrors;
import org.rubrica.shared.ui.Notices;

/**
 * Everyone an oficio goes to. Its owner, while it is a draft, adds units and people it is also addressed to and
 * copies (con copia para), and marks it confidential; one click addresses it to every agency, as a circular goes.
 */
public class RecipientsPanel extends Div {

    private final RecipientService recipients;
    private final OficioService oficios;
    private final Directory directory;
    private final UUID oficioId;

    public RecipientsPanel(RecipientService recipients, OficioService oficios, Directory directory, UUID oficioId,
                           boolean editable) {
        this.recipients = recipients;
        this.oficios = oficios;
        this.directory = directory;
        this.oficioId = oficioId;
        setId("recipients-panel");
        addClassName("recipients-panel");
        show(editable);
    }

    private void show(boolean editable) {
        removeAll();
        List<RecipientLine> lines = recipients.lines(oficioId);
        add(new H3(getTranslation("recipients.title")));
        add(list("recipients.to", lines, Recipient.Addressing.TO), list("recipients.cc", lines, Recipient.Addressing.CC));
        if (editable) {
            add(editor(lines));
        }
    }

    private Div list(String key, List<RecipientLine> lines, Recipient.Addressing addressing) {
        var items = new UnorderedList();
        lines.stream().filter(l -> l.addressing() == addressing).forEach(l -> items.add(new ListItem(l.label())));
        var div = new Div();
        div.addClassName("recipients-" + addressing.name().toLowerCase());
        if (items.getChildren().findAny().isPresent()) {
            div.add(new com.vaadin.flow.component.html.Span(getTranslation(key)), items);
        }
        return div;
    }

    private Div editor(List<RecipientLine> lines) {
        List<Unit> units = directory.activeUnits().stream().sorted(Comparator.comparing(Unit::code)).toList();
        List<Person> people = directory.people().stream().filter(Person::active)
                .sorted(Comparator.comparing(Person::fullName)).toList();
        var toUnits = unitPicker("recipients.to-units", "recipients-to", units);
        var ccUnits = unitPicker("recipients.cc-units", "recipients-cc", units);
        var attention = new MultiSelectComboBox<Person>(getTranslation("recipients.people"));
        attention.setId("recipients-people");
        attention.setItems(people);
        attention.setItemLabelGenerator(p -> p.fullName() + " (" + directory.unit(p.unitId()).code() + ")");
        List<RecipientLine> others = lines.subList(1, lines.size()); // the first is the addressee
        toUnits.setValue(pick(units, others, Recipient.Addressing.TO));
        ccUnits.setValue(pick(units, others, Recipient.Addressing.CC));
        Set<Long> addressedPeople = others.stream().filter(l -> l.personId() != null).map(RecipientLine::personId)
                .collect(Collectors.toSet());
        attention.setValue(people.stream().filter(p -> addressedPeople.contains(p.id())).collect(Collectors.toSet()));

        var errors = new FieldErrors().bind("recipients", toUnits);
        var agencies = new Button(getTranslation("recipients.all-agencies"), e -> {
            var all = new java.util.HashSet<>(toUnits.getValue());
            all.addAll(directory.agencies());
            toUnits.setValue(all);
        });
        agencies.setId("recipients-all-agencies");
        var confidential = new Checkbox(getTranslation("oficio.confidential"), oficios.get(oficioId).confidential());
        confidential.setId("confidential");
        confidential.setTooltipText(getTranslation("oficio.confidential.help"));
        var save = new Button(getTranslation("recipients.save"), e -> {
            List<Recipient> chosen = new ArrayList<>();
            toUnits.getValue().stream().sorted(Comparator.comparing(Unit::code)).forEach(u -> chosen.add(Recipient.to(u.id())));
            attention.getValue().forEach(p -> chosen.add(new Recipient(Recipient.Addressing.TO, p.unitId(), p.id())));
            ccUnits.getValue().stream().sorted(Comparator.comparing(Unit::code)).forEach(u -> chosen.add(Recipient.copy(u.id())));
            try {
                errors.clear();
                List<Recipient> kept = recipients.setEnvelope(oficioId, chosen, confidential.getValue());
                Notices.success(getTranslation("recipients.saved", kept.size() + 1));
                show(true);
            } catch (InvalidInputException ex) {
                errors.show(ex, this);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("recipients-save");
        return new Div(toUnits, attention, ccUnits, confidential, new HorizontalLayout(save, agencies));
    }

    private MultiSelectComboBox<Unit> unitPicker(String key, String id, List<Unit> units) {
        var picker = new MultiSelectComboBox<Unit>(getTranslation(key));
        picker.setId(id);
        picker.setItems(units);
        picker.setItemLabelGenerator(Unit::label);
        picker.setWidthFull();
        return picker;
    }

    private static Set<Unit> pick(List<Unit> units, List<RecipientLine> lines, Recipient.Addressing addressing) {
        Set<Long> ids = lines.stream().filter(l -> l.addressing() == addressing && l.personId() == null)
                .map(RecipientLine::unitId).collect(Collectors.toSet());
        return units.stream().filter(u -> ids.contains(u.id())).collect(Collectors.toSet());
    }
}

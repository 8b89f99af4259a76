package org.rubrica.delivery.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import org.rubrica.delivery.Assignment;
import org.rubrica.delivery.DeliveryService;
import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.directory.Unit;
import org.rubrica.shared.ui.Formats;
import org.rubrica.shared.ui.Notices;

/**
 * A received oficio's assignments (turnos) on its page: the receiving office or head turns it to people of the
 * unit with instructions and a due date, or takes an assignment back; the person it was turned to marks it
 * attended. Hidden from everyone else, the sending side included.
 */
public class AssignmentPanel extends Div {

    private final DeliveryService delivery;
    private final Directory directory;
    private final UUID oficioId;
    private final Runnable onChange;

    public AssignmentPanel(DeliveryService delivery, Directory directory, UUID oficioId, Runnable onChange) {
        this.delivery = delivery;
        this.directory = directory;
        this.oficioId = oficioId;
        this.onChange = onChange;
        setId("assignment-panel");
        addClassName("assignment-panel");
        show();
    }

    private void show() {
        removeAll();
        List<Long> units = delivery.assignableUnits(oficioId);
        List<Assignment> assignments = delivery.assignments(oficioId);
        setVisible(!units.isEmpty() || !assignments.isEmpty());
        add(new H3(getTranslation("assignment.title")));
        for (Assignment a : assignments) {
            add(line(a, units.contains(a.unitId())));
        }
        if (delivery.isAssignedToMe(oficioId)) {
            var attended = new Button(getTranslation("assignment.attended"), e -> act(e.getSource(), () -> {
                delivery.markAttended(oficioId);
                Notices.success(getTranslation("assignment.attended.done"));
            }));
            attended.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            attended.setDisableOnClick(true);
            attended.setId("assignment-attended");
            add(attended);
        }
        List<Long> turnable = delivery.turnableUnits(oficioId);
        if (!turnable.isEmpty()) {
            add(form(turnable));
        } else if (!units.isEmpty()) {
            var hint = new Span(getTranslation("assignment.receipt-first"));
            hint.setId("assignment-receipt-first");
            add(hint);
        }
    }

    private Div line(Assignment a, boolean mayWithdraw) {
        String state = a.open() ? (a.dueAt() == null ? getTranslation("assignment.open")
                : getTranslation("assignment.due", Formats.dateTime(a.dueAt(), getLocale())))
                : getTranslation("assignment.closed." + a.closedReason(), Formats.dateTime(a.closedAt(), getLocale()));
        var line = new Div(new Span(a.assigneeName()), new Span(" — " + state
                + (a.instructions() == null ? "" : " · «" + a.instructions() + "»")));
        line.addClassName("assignment");
        if (a.open() && mayWithdraw) {
            var withdraw = new Button(getTranslation("assignment.withdraw"), e -> act(e.getSource(), () -> {
                delivery.unassign(oficioId, a.unitId(), a.assigneeId());
                Notices.success(getTranslation("assignment.withdrawn"));
            }));
            withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            withdraw.setDisableOnClick(true);
            withdraw.setId("assignment-withdraw-" + a.assigneeId());
            line.add(withdraw);
        }
        return line;
    }

    private Div form(List<Long> units) {
        var unit = new Select<Unit>();
        unit.setLabel(getTranslation("assignment.unit"));
        unit.setItems(units.stream().map(directory::unit).toList());
        unit.setItemLabelGenerator(Unit::label);
        unit.setValue(directory.unit(units.getFirst()));
        unit.setVisible(units.size() > 1);
        var people = new MultiSelectComboBox<Person>(getTranslation("assignment.people"));
        people.setItemLabelGenerator(p -> p.fullName() + " · " + p.cargo());
        people.setId("assignment-people");
        people.setWidthFull();
        fillPeople(people, unit.getValue().id());
        unit.addValueChangeListener(e -> fillPeople(people, e.getValue().id()));
        var instructions = new TextArea(getTranslation("assignment.instructions"));
        instructions.setMaxLength(DeliveryService.INSTRUCTIONS_MAX);
        instructions.setWidthFull();
        instructions.setId("assignment-instructions");
        var due = new DatePicker(getTranslation("assignment.due-date"));
        due.setMin(LocalDate.now());
        due.setId("assignment-due");
        var assign = new Button(getTranslation("assignment.assign"), e -> act(e.getSource(), () -> {
            delivery.assign(oficioId, unit.getValue().id(), people.getValue().stream().map(Person::id).toList(),
                    instructions.getValue(), Formats.endOfDay(due.getValue()));
            Notices.success(getTranslation("assignment.assigned"));
        }));
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.setDisableOnClick(true);
        assign.setId("assignment-assign");
        var form = new Div(unit, people, instructions, due, assign);
        form.addClassName("assignment-form");
        return form;
    }

    private void fillPeople(MultiSelectComboBox<Person> people, long unitId) {
        people.setItems(delivery.assignablePeople(unitId));
    }

    /** Refused input leaves the form as typed (the button comes back); anything else shows the oficio afresh. */
    private void act(Button clicked, Runnable action) {
        Notices.attempt(this, action, onChange, () -> clicked.setEnabled(true));
    }
}

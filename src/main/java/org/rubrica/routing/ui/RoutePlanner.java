package org.rubrica.routing.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;

import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.shared.ui.Formats;

/**
 * Plans a route step by step: kind, "all" or "any", people and an optional due date, added in order; the last
 * step can be taken back, except the first {@code fixedSteps} (reached already). Used for a draft's route and
 * for a unit's usual route.
 */
class RoutePlanner extends Div {

    private final Directory directory;
    private final List<StepPlan> plan = new ArrayList<>();
    private final Paragraph planned = new Paragraph();
    private int fixedSteps;

    RoutePlanner(Directory directory, boolean withDueDates) {
        this.directory = directory;
        addClassName("route-planner");
        var kind = new Select<StepKind>();
        kind.setLabel(getTranslation("route.kind"));
        kind.setItems(StepKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("route.kind." + k.name()));
        kind.setValue(StepKind.REVIEW);
        kind.setId("route-step-kind");
        var mode = new Select<StepMode>();
        mode.setLabel(getTranslation("route.mode"));
        mode.setItems(StepMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("route.mode." + m.name()));
        mode.setValue(StepMode.ALL);
        mode.setId("route-step-mode");
        var people = new MultiSelectComboBox<Person>(getTranslation("route.people"));
        people.setItems(directory.people().stream().filter(Person::active).toList());
        people.setItemLabelGenerator(p -> p.fullName() + " · " + p.cargo());
        people.setId("route-step-people");
        people.setWidth("24rem");
        var due = new DatePicker(getTranslation("route.due"));
        due.setMin(LocalDate.now());
        due.setId("route-step-due");
        due.setVisible(withDueDates);
        planned.setId("route-plan");
        var add = new Button(getTranslation("route.add-step"), e -> {
            plan.add(new StepPlan(kind.getValue(), mode.getValue(), people.getValue().stream().map(Person::id).toList(),
                    Formats.endOfDay(due.getValue())));
            people.clear();
            due.clear();
            describe();
        });
        add.setId("route-add-step");
        var removeLast = new Button(getTranslation("route.remove-last"), e -> {
            if (plan.size() > fixedSteps) {
                plan.removeLast();
            }
            describe();
        });
        removeLast.setId("route-remove-last");
        var row = new HorizontalLayout(kind, mode, people, due, add, removeLast);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        add(row, planned);
        describe();
    }

    /** Starts from this plan; its first {@code fixed} steps cannot be taken back. */
    void setPlan(List<StepPlan> steps, int fixed) {
        plan.clear();
        plan.addAll(steps);
        fixedSteps = fixed;
        describe();
    }

    List<StepPlan> plan() {
        return List.copyOf(plan);
    }

    private void describe() {
        if (plan.isEmpty()) {
            planned.setText(getTranslation("route.plan.empty"));
            return;
        }
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            StepPlan s = plan.get(i);
            steps.add((i + 1) + ". " + getTranslation("route.kind." + s.kind().name()) + ": "
                    + String.join(", ", s.personIds().stream().map(id -> directory.person(id).fullName()).toList()));
        }
        planned.setText(String.join(" → ", steps));
    }
}

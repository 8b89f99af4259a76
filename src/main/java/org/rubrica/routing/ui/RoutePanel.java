package org.rubrica.routing.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import org.rubrica.directory.Directory;
import org.rubrica.directory.Person;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.MemberView;
import org.rubrica.routing.RouteModels.RouteView;
import org.rubrica.routing.RouteModels.StepKind;
import org.rubrica.routing.RouteModels.StepMode;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.RouteModels.StepView;
import org.rubrica.routing.RoutingService;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.Formats;
import org.rubrica.shared.ui.Notices;

/**
 * An oficio's route on its page: the steps with each person's decision; for the owner of a draft, the plan
 * (add and remove steps), "submit" and, for a head, "keep as the unit's usual route"; in review, its author may
 * still change the steps not reached; for the person a step waits for, approve, request changes or reject.
 */
public class RoutePanel extends Div {

    private final RoutingService routing;
    private final Directory directory;
    private final UUID oficioId;
    private final String templateCode;
    private final Runnable onChange;
    private final List<StepPlan> plan = new ArrayList<>();
    private int fixedSteps;

    public RoutePanel(RoutingService routing, Directory directory, UUID oficioId, String templateCode, Runnable onChange) {
        this.routing = routing;
        this.directory = directory;
        this.oficioId = oficioId;
        this.templateCode = templateCode;
        this.onChange = onChange;
        addClassName("route-panel");
        setId("route-panel");
        show();
    }

    private void show() {
        removeAll();
        RouteView route = routing.route(oficioId);
        setVisible(!route.steps().isEmpty() || route.canEdit());
        add(new H3(getTranslation("route.title")));
        var steps = new OrderedList();
        steps.addClassName("route-steps");
        for (StepView step : route.steps()) {
            var item = new ListItem(new Span(getTranslation("route.kind." + step.kind().name()) + " · "
                    + getTranslation("route.mode." + step.mode().name())
                    + (step.dueAt() == null ? "" : " · " + getTranslation("route.due") + " " + Formats.dateTime(step.dueAt(), getLocale()))));
            if (step.current()) {
                item.addClassName("current");
            }
            for (MemberView m : step.members()) {
                String decided = m.decision() == null ? getTranslation("route.waiting")
                        : getTranslation("route.decision." + m.decision().name()) + " · "
                        + Formats.dateTime(m.decidedAt(), getLocale()) + (m.comment() == null ? "" : " · «" + m.comment() + "»");
                var line = new Div(new Span(m.fullName()), new Span(" — " + decided));
                line.addClassName("route-member");
                item.add(line);
            }
            steps.add(item);
        }
        add(steps);
        if (route.canDecide()) {
            add(decisionForm());
        }
        if (route.canEdit()) {
            add(planForm(route));
        }
    }

    private Div decisionForm() {
        var comment = new TextArea(getTranslation("route.comment"));
        comment.setMaxLength(RoutingService.COMMENT_MAX);
        comment.setWidthFull();
        comment.setId("route-comment");
        var approve = button("route.approve", Decision.APPROVED, comment);
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        var changes = button("route.request-changes", Decision.CHANGES_REQUESTED, comment);
        var reject = button("route.reject", Decision.REJECTED, comment);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var form = new Div(comment, new HorizontalLayout(approve, changes, reject));
        form.addClassName("route-decision");
        return form;
    }

    private Button button(String key, Decision decision, TextArea comment) {
        var button = new Button(getTranslation(key), e -> act(() -> {
            routing.decide(oficioId, decision, comment.getValue());
            Notices.success(getTranslation("route.decided." + decision.name()));
        }));
        button.setId("route-" + decision.name().toLowerCase().replace('_', '-'));
        button.setDisableOnClick(true); // a double click sends one decision
        return button;
    }

    private Div planForm(RouteView route) {
        fixedSteps = route.fixedSteps();
        if (plan.isEmpty()) {
            route.steps().forEach(s -> plan.add(new StepPlan(s.kind(), s.mode(),
                    s.members().stream().map(MemberView::personId).toList(), s.dueAt())));
        }
        if (plan.isEmpty()) {
            plan.addAll(routing.presetFor(oficioId)); // the unit's usual route, to edit or submit as it is
        }
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
        due.setMin(java.time.LocalDate.now());
        due.setId("route-step-due");
        var planned = new Paragraph(describePlan());
        planned.setId("route-plan");
        var add = new Button(getTranslation("route.add-step"), e -> {
            Set<Person> chosen = people.getValue();
            // due at the end of the chosen day, in the institution's time zone
            var dueAt = due.getValue() == null ? null
                    : due.getValue().plusDays(1).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant().minusSeconds(1);
            plan.add(new StepPlan(kind.getValue(), mode.getValue(), chosen.stream().map(Person::id).toList(), dueAt));
            people.clear();
            due.clear();
            planned.setText(describePlan());
        });
        add.setId("route-add-step");
        var removeLast = new Button(getTranslation("route.remove-last"), e -> {
            if (plan.size() > fixedSteps) {
                plan.removeLast();
            }
            planned.setText(describePlan());
        });
        removeLast.setId("route-remove-last");
        var save = new Button(getTranslation("route.save"), e -> act(() -> {
            routing.setRoute(oficioId, List.copyOf(plan));
            Notices.success(getTranslation("route.saved"));
        }));
        save.setId("route-save");
        var buttons = new HorizontalLayout(removeLast, save);
        if (route.fixedSteps() == 0) { // a draft: its owner sends it
            var submit = new Button(getTranslation("route.submit"), e -> act(() -> {
                routing.setRoute(oficioId, List.copyOf(plan));
                routing.submit(oficioId);
                Notices.success(getTranslation("route.submitted"));
            }));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setId("route-submit");
            buttons.add(submit);
        }
        if (route.fixedSteps() == 0 && routing.keepsPresets()) {
            buttons.add(presetButton());
        }
        var row = new HorizontalLayout(kind, mode, people, due, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        var help = new Paragraph(route.fixedSteps() == 0 ? getTranslation("route.plan.help")
                : getTranslation("route.fixed", route.fixedSteps()));
        var form = new Div(help, row, planned, buttons);
        form.addClassName("route-plan");
        return form;
    }

    /** A head keeps the plan as the unit's usual route: for this template, or for every draft of the unit. */
    private Button presetButton() {
        var button = new Button(getTranslation("route.preset.save"), e -> {
            var forTemplate = new Checkbox(getTranslation("route.preset.template-only"), true);
            forTemplate.setId("route-preset-template-only");
            var dialog = new ConfirmDialog();
            dialog.setHeader(getTranslation("route.preset.save"));
            dialog.add(new Paragraph(getTranslation("route.preset.help")), forTemplate);
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("action.cancel"));
            dialog.setConfirmText(getTranslation("route.preset.confirm"));
            dialog.addConfirmListener(c -> {
                try {
                    routing.savePreset(forTemplate.getValue() ? templateCode : null, List.copyOf(plan));
                    Notices.success(getTranslation("route.preset.saved"));
                } catch (InvalidInputException ex) {
                    Notices.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
            });
            dialog.open();
        });
        button.setId("route-preset-save");
        return button;
    }

    private String describePlan() {
        if (plan.isEmpty()) {
            return getTranslation("route.plan.empty");
        }
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            StepPlan s = plan.get(i);
            steps.add((i + 1) + ". " + getTranslation("route.kind." + s.kind().name()) + ": "
                    + String.join(", ", s.personIds().stream().map(id -> directory.person(id).fullName()).toList()));
        }
        return String.join(" → ", steps);
    }

    private void act(Runnable action) {
        try {
            action.run();
            plan.clear();
            onChange.run();
        } catch (InvalidInputException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            show();
        }
    }
}

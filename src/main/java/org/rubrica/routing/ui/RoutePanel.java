package org.rubrica.routing.ui;

import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import org.rubrica.directory.Directory;
import org.rubrica.routing.RouteModels.Decision;
import org.rubrica.routing.RouteModels.MemberView;
import org.rubrica.routing.RouteModels.RouteView;
import org.rubrica.routing.RouteModels.StepPlan;
import org.rubrica.routing.RouteModels.StepView;
import org.rubrica.routing.RoutingService;
import org.rubrica.shared.ui.Formats;
import org.rubrica.shared.ui.Notices;

/**
 * An oficio's route on its page: the steps with each person's decision; for the owner of a draft, the plan
 * and "submit"; in review, its author may still change the steps not reached; for the person a step waits for,
 * approve, request changes or reject.
 */
public class RoutePanel extends Div {

    private final RoutingService routing;
    private final Directory directory;
    private final UUID oficioId;
    private final Runnable onChange;

    public RoutePanel(RoutingService routing, Directory directory, UUID oficioId, Runnable onChange) {
        this.routing = routing;
        this.directory = directory;
        this.oficioId = oficioId;
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
        var button = new Button(getTranslation(key), e -> act(e.getSource(), () -> {
            routing.decide(oficioId, decision, comment.getValue());
            Notices.success(getTranslation("route.decided." + decision.name()));
        }));
        button.setId("route-" + decision.name().toLowerCase().replace('_', '-'));
        button.setDisableOnClick(true); // a double click sends one decision
        return button;
    }

    private Div planForm(RouteView route) {
        var planner = new RoutePlanner(directory, true);
        List<StepPlan> steps = route.steps().stream().map(s -> new StepPlan(s.kind(), s.mode(),
                s.members().stream().map(MemberView::personId).toList(), s.dueAt())).toList();
        // a draft without a route starts from its unit's usual one, to edit or submit as it is
        planner.setPlan(steps.isEmpty() ? routing.presetFor(oficioId) : steps, route.fixedSteps());
        var save = new Button(getTranslation("route.save"), e -> act(e.getSource(), () -> {
            routing.setRoute(oficioId, planner.plan());
            Notices.success(getTranslation("route.saved"));
        }));
        save.setId("route-save");
        save.setDisableOnClick(true);
        var buttons = new HorizontalLayout(save);
        if (route.fixedSteps() == 0) { // a draft: its owner sends it
            var submit = new Button(getTranslation("route.submit"), e -> act(e.getSource(), () -> {
                routing.submit(oficioId, planner.plan());
                Notices.success(getTranslation("route.submitted"));
            }));
            submit.setDisableOnClick(true); // a double click sends it once
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setId("route-submit");
            buttons.add(submit);
        }
        var help = new Paragraph(route.fixedSteps() == 0 ? getTranslation("route.plan.help")
                : getTranslation("route.fixed", route.fixedSteps()));
        var form = new Div(help, planner, buttons);
        form.addClassName("route-plan");
        return form;
    }

    /** Refused input leaves the form as typed (the button comes back); anything else shows the oficio afresh. */
    private void act(Button clicked, Runnable action) {
        Notices.attempt(this, action, onChange, () -> clicked.setEnabled(true));
    }
}

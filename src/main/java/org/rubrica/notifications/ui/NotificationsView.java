package org.rubrica.notifications.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.rubrica.notifications.Notification;
import org.rubrica.notifications.Notifications;
import org.rubrica.shared.ui.Formats;

/** The current person's notifications; opening one marks it read and goes to the draft's review page. */
@Route("avisos")
@PermitAll
class NotificationsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Notifications notifications;

    NotificationsView(Notifications notifications) {
        this.notifications = notifications;
        addClassName("notifications-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.title") + " · " + getTranslation("app.name");
    }

    private void show() {
        removeAll();
        var email = new com.vaadin.flow.component.select.Select<Notifications.EmailMode>();
        email.setLabel(getTranslation("notification.email"));
        email.setItems(Notifications.EmailMode.values());
        email.setItemLabelGenerator(m -> getTranslation("notification.email." + m.name()));
        email.setValue(notifications.emailMode());
        email.setId("email-mode");
        email.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                notifications.setEmailMode(e.getValue());
                org.rubrica.shared.ui.Notices.success(getTranslation("notification.email.saved"));
            }
        });
        add(new H2(getTranslation("notification.title")), email);
        var all = notifications.mine();
        if (all.isEmpty()) {
            add(new Paragraph(getTranslation("notification.none")));
            return;
        }
        add(new Button(getTranslation("notification.mark-all"), e -> {
            notifications.markAllRead();
            show();
        }));
        for (Notification n : all) {
            var text = new Span(getTranslation(n.messageKey(), n.actorName() == null ? "" : n.actorName(), n.detail()));
            var when = new Span(Formats.dateTime(n.at(), getLocale()));
            when.addClassName("change-meta");
            var item = new Div(text, when);
            item.addClassName("notification");
            if (!n.read()) {
                item.addClassName("unread");
            }
            item.addClickListener(e -> {
                notifications.markRead(n.id());
                if (n.oficioId() != null) {
                    UI.getCurrent().navigate("oficios/" + n.oficioId() + "/revision");
                } else {
                    show();
                }
            });
            add(item);
        }
    }
}

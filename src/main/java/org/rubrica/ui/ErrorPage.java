package org.rubrica.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** A friendly error page: what happened, in the person's language, and a way back. */
abstract class ErrorPage extends VerticalLayout {

    protected void show(String titleKey, String messageKey) {
        removeAll();
        addClassName("error-page");
        setAlignItems(Alignment.CENTER);
        var home = new Button(getTranslation("action.back-home"), e -> UI.getCurrent().navigate(""));
        home.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation(titleKey)), new Paragraph(getTranslation(messageKey)), home);
    }
}

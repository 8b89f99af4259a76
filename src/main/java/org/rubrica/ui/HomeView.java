package org.rubrica.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import org.rubrica.directory.CurrentActor;
import org.rubrica.directory.Directory;

/** The landing page after login: who you are, where, and what the menu offers. */
@Route("")
@Menu(order = 0, title = "menu.home", icon = "vaadin:home")
@PermitAll
class HomeView extends VerticalLayout implements HasDynamicTitle {

    HomeView(CurrentActor currentActor, Directory directory) {
        var actor = currentActor.require();
        add(new H2(getTranslation("home.welcome", actor.fullName())),
                new Paragraph(actor.cargo() + " · " + directory.unit(actor.unitId()).label()),
                new Paragraph(getTranslation("home.hint")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.home") + " · " + getTranslation("app.name");
    }
}

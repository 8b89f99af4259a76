package org.rubrica.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

import org.rubrica.directory.CurrentActor;

/**
 * The shell: a menu built from the views' {@code @Menu} annotations (Vaadin lists only those the person's
 * roles allow), the person's name, the language switch and logout. The drawer folds away on phones.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout {

    MainLayout(CurrentActor currentActor, AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        var title = new Span(getTranslation("app.name"));
        title.addClassName("app-title");

        var who = new Span(currentActor.find().map(a -> a.fullName()).orElse(""));
        who.addClassName("current-person");
        var logout = new Button(getTranslation("action.logout"), new Icon(VaadinIcon.SIGN_OUT),
                e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var user = new HorizontalLayout(who, new LanguageSwitch(), logout);
        user.addClassName("user-bar");
        user.setAlignItems(HorizontalLayout.Alignment.CENTER);

        var spacer = new Div();
        spacer.addClassName("navbar-spacer");
        addToNavbar(new DrawerToggle(), spacer, user);

        var brand = new Div(title);
        brand.addClassName("brand");
        addToDrawer(brand, menu());
    }

    private Component menu() {
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }
}

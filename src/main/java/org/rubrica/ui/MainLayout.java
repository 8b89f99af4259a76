package org.rubrica.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import org.rubrica.notifications.Notifications;

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
class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Notifications notifications;
    private final Button bell = new Button(new Icon(VaadinIcon.BELL));
    private Runnable stopWatching = () -> { };

    MainLayout(CurrentActor currentActor, AuthenticationContext authentication, Notifications notifications) {
        this.notifications = notifications;
        setPrimarySection(Section.DRAWER);
        var title = new Span(getTranslation("app.name"));
        title.addClassName("app-title");

        var who = new Span(currentActor.find().map(a -> a.fullName()).orElse(""));
        who.addClassName("current-person");
        var logout = new Button(getTranslation("action.logout"), new Icon(VaadinIcon.SIGN_OUT),
                e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setId("notifications-bell");
        bell.addClickListener(e -> UI.getCurrent().navigate("avisos"));
        var user = new HorizontalLayout(bell, who, new LanguageSwitch(), logout);
        user.addClassName("user-bar");
        user.setAlignItems(HorizontalLayout.Alignment.CENTER);

        var spacer = new Div();
        spacer.addClassName("navbar-spacer");
        addToNavbar(new DrawerToggle(), spacer, user);

        var brand = new Div(title);
        brand.addClassName("brand");
        addToDrawer(brand, menu());
    }

    /** The unread count is read again on every navigation, and pushed to the open page whenever it changes. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showUnread(notifications.unreadCount());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        stopWatching = notifications.watchUnread(unread -> ui.access(() -> showUnread(unread)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopWatching.run();
        super.onDetach(event);
    }

    private void showUnread(int unread) {
        bell.setText(unread == 0 ? "" : String.valueOf(unread));
        bell.setAriaLabel(getTranslation("notification.bell", unread));
        bell.setTooltipText(getTranslation("notification.bell", unread));
        bell.setClassName("has-unread", unread > 0);
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

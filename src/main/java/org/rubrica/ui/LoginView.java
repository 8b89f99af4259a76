package org.rubrica.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.AbstractLogin.LoginEvent;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

import org.rubrica.directory.LoginFailedException;
import org.rubrica.directory.LoginService;

/**
 * Login handled on the server (not a form post), through the same {@link LoginService} as the API, so
 * failures are counted and locked accounts refused on every path.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginService logins;
    private final SessionLogin sessionLogin;
    private final AuthenticationContext authentication;
    private final LoginForm form = new LoginForm();
    private LoginI18n shown;

    LoginView(LoginService logins, SessionLogin sessionLogin, AuthenticationContext authentication) {
        this.logins = logins;
        this.sessionLogin = sessionLogin;
        this.authentication = authentication;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setForgotPasswordButtonVisible(false);
        show(i18n(null));
        form.addLoginListener(this::login);
        var title = new H1(getTranslation("app.name"));
        title.addClassName("login-title");
        add(title, new Paragraph(getTranslation("login.tagline")), form, new LanguageSwitch());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }

    private void login(LoginEvent event) {
        try {
            sessionLogin.establish(logins.login(event.getUsername(), event.getPassword()));
            UI.getCurrent().navigate("");
        } catch (LoginFailedException e) {
            show(i18n(e));
            form.setError(true);
            form.setEnabled(true);
        }
    }

    private void show(LoginI18n i18n) {
        shown = i18n;
        form.setI18n(i18n);
    }

    /** The error title the form shows now (Vaadin keeps the form's own copy private). */
    String errorTitle() {
        return shown.getErrorMessage().getTitle();
    }

    private LoginI18n i18n(LoginFailedException failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setUsername(getTranslation("login.username.required"));
        i18n.getErrorMessage().setPassword(getTranslation("login.password.required"));
        if (failure != null && failure.reason() == LoginFailedException.Reason.LOCKED) {
            String until = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale())
                    .format(failure.lockedUntil().atZone(ZoneId.systemDefault()));
            i18n.getErrorMessage().setTitle(getTranslation("login.locked.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.locked.message", until));
        } else {
            i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        }
        return i18n;
    }
}

package org.rubrica.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.VaadinSession;

/** "ES | EN": switches the whole session's language and redraws the page. */
class LanguageSwitch extends HorizontalLayout {

    LanguageSwitch() {
        setSpacing(false);
        addClassName("language-switch");
        for (Locale locale : Translations.LOCALES) {
            Button button = new Button(locale.getLanguage().toUpperCase(Locale.ROOT), e -> choose(locale));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            button.getElement().setAttribute("aria-label", getTranslation("language." + locale.getLanguage()));
            button.setEnabled(!locale.getLanguage().equals(UI.getCurrent().getLocale().getLanguage()));
            add(button);
        }
    }

    private static void choose(Locale locale) {
        VaadinSession.getCurrent().setAttribute(LocaleInitializer.SESSION_KEY, locale);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().getPage().reload();
    }
}

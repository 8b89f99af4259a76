package org.rubrica.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Vaadin's translations come from Spring's message source, so views and the API read one set of bundles
 * ({@code vaadin-i18n/translations*.properties}): Spanish by default, English available.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale SPANISH = Locale.forLanguageTag("es");
    public static final List<Locale> LOCALES = List.of(SPANISH, Locale.ENGLISH);
    private static final Logger log = LoggerFactory.getLogger(Translations.class);

    private final MessageSource messages;

    Translations(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            return messages.getMessage(key, params, locale == null ? SPANISH : locale);
        } catch (NoSuchMessageException e) {
            log.warn("Missing translation '{}' for {}", key, locale);
            return "!" + key + "!";
        }
    }
}

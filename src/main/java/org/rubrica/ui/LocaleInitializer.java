package org.rubrica.ui;

import java.util.Locale;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;

import org.springframework.stereotype.Component;

/** Every UI speaks Spanish unless the person chose English in this session. */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    static final String SESSION_KEY = "rubrica.locale";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            Object chosen = VaadinSession.getCurrent().getAttribute(SESSION_KEY);
            init.getUI().setLocale(chosen instanceof Locale locale ? locale : Translations.SPANISH);
        });
    }
}

package org.rubrica.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import org.rubrica.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;

/** Short confirmations and errors at the bottom of the screen. */
public final class Notices {

    private Notices() {
    }

    public static void success(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        Notification.show(text, 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Runs a panel's action, then {@code done} (which shows the result). Refused input is shown in the person's
     * language and {@code whenRefused} runs (the form keeps what was typed); an action no longer allowed (the page
     * is older than what happened meanwhile, or a second click) says so and {@code done} shows things as they are.
     */
    public static void attempt(Component source, Runnable action, Runnable done, Runnable whenRefused) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            error(source.getTranslation(e.messageKey(), e.arguments()));
            whenRefused.run();
            return;
        } catch (AccessDeniedException e) {
            error(source.getTranslation("action.no-longer-possible"));
        }
        done.run();
    }
}

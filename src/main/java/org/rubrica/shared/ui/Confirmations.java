package org.rubrica.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Asks before an action that cannot be undone (revoking, stopping trust): the confirm button says it in red. */
public final class Confirmations {

    private Confirmations() {
    }

    /** {@code action} runs once the person confirms; the texts are already translated. */
    public static void confirmDangerous(Component source, String title, String question, String confirm,
                                        Runnable action) {
        var dialog = new ConfirmDialog(title, question, confirm, e -> action.run());
        dialog.setCancelable(true);
        dialog.setCancelText(source.getTranslation("action.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}

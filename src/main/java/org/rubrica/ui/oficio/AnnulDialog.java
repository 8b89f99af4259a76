package org.rubrica.ui.oficio;

import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

import org.rubrica.drafting.IllegalTransitionException;
import org.rubrica.drafting.OficioService;
import org.rubrica.drafting.StaleDraftException;
import org.rubrica.shared.InvalidInputException;
import org.rubrica.shared.ui.Notices;

/** Asks why a signed oficio is annulled, then annuls it; a refused reason stays in the field to be corrected. */
class AnnulDialog extends Dialog {

    AnnulDialog(OficioService oficios, UUID oficioId, Runnable done) {
        setHeaderTitle(getTranslation("annulment.title"));
        var reason = new TextArea(getTranslation("annulment.reason"));
        reason.setMaxLength(OficioService.ANNULMENT_REASON_MAX);
        reason.setWidthFull();
        reason.setMinHeight("7em");
        reason.setId("annulment-reason");
        var confirm = new Button(getTranslation("annulment.confirm"), e -> {
            try {
                oficios.annul(oficioId, reason.getValue());
                Notices.success(getTranslation("annulment.done"));
                close();
                done.run();
            } catch (InvalidInputException ex) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments()));
            } catch (IllegalTransitionException | StaleDraftException ex) {
                Notices.error(getTranslation("annulment.not-allowed"));
                close();
                done.run();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.setId("annulment-confirm");
        add(new Paragraph(getTranslation("annulment.warning")), reason);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }
}

package org.rubrica.signing.ui;

import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;

import org.rubrica.shared.ui.Notices;
import org.rubrica.signing.OficioSigning;
import org.rubrica.signing.SignerCredentials;

/**
 * On an approved oficio's page, for the person whose signature it waits for: the PIN and "Firmar". Signing
 * numbers it, signs it with their certificate and checks the signature; the page then shows the signed PDF.
 */
public class SignPanel extends Div {

    public SignPanel(OficioSigning signing, UUID oficioId, Runnable onSigned) {
        setId("sign-panel");
        addClassName("sign-panel");
        setVisible(signing.canSign(oficioId));
        if (!isVisible()) {
            return;
        }
        var pin = new PasswordField(getTranslation("signature.pin"));
        pin.setMaxLength(SignerCredentials.PIN_MAX);
        pin.setId("sign-pin");
        var sign = new Button(getTranslation("signature.sign"));
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sign.setId("sign");
        sign.setDisableOnClick(true); // one click, one signature
        sign.addClickListener(e -> Notices.attempt(this, () -> {
            OficioSigning.Signed signed = signing.sign(oficioId, pin.getValue().toCharArray());
            Notices.success(getTranslation("signature.signed", signed.number()));
        }, onSigned, () -> {
            pin.clear();
            sign.setEnabled(true);
        }));
        var row = new HorizontalLayout(pin, sign);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3(getTranslation("signature.sign")), new Paragraph(getTranslation("signature.sign.help")), row);
    }
}
